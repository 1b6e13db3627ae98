import { createHash } from 'node:crypto'
import type { BodyDoc } from '../../shared/article/body'

/** Names one version of a body, so a save that sends only changed blocks says which body it changes. */
export const bodyFingerprint = (body: BodyDoc): string => createHash('sha256').update(JSON.stringify(body)).digest('base64url')
