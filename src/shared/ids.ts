// Web Crypto is global in Node 20 and in the renderer, but src/shared is
// compiled without DOM or Node types, so the one function used is declared here.
// getRandomValues, not randomUUID: randomUUID exists only in a secure context,
// which a window served over plain http (the end-to-end harness) is not.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T }

/** A fresh id for threads, messages and suggestions (128 random bits): unique across copies of a library. */
export const newId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')

export const nowIso = (): string => new Date().toISOString()
