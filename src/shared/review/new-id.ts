// Web Crypto is global in Node 20 and in the renderer, but src/shared is
// compiled without DOM or Node types, so the one function used is declared here.
declare const crypto: { randomUUID(): string }

/** A fresh id for threads, messages and suggestions: unique across copies of a library. */
export const newId = (): string => crypto.randomUUID()

export const nowIso = (): string => new Date().toISOString()
