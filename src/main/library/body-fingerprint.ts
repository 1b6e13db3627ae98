import { createHash } from 'node:crypto'
import type { BodyDoc } from '../../shared/article/body'

const fingerprints = new WeakMap<BodyDoc, string>()

/**
 * Names one version of a body, so a save that sends only changed blocks says
 * which body it changes. Kept per body object: the library starts the next
 * save from the article it last wrote (library.ts), whose body the answer to
 * the save before already named.
 */
export function bodyFingerprint(body: BodyDoc): string {
  let fingerprint = fingerprints.get(body)
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('base64url')
    fingerprints.set(body, fingerprint)
  }
  return fingerprint
}
