import { sha256 } from './manifest'

/** What an export does with one file of the site. */
export type FileAction = 'add' | 'change' | 'unchanged' | 'conflict'

/**
 * `existing` is what the site holds (null: nothing), `wanted` what the export
 * would write, `recordedSha256` what Copydesk wrote there last: a file someone
 * changed since is a conflict, never silently overwritten.
 */
export function fileAction(existing: Buffer | null, wanted: Uint8Array, recordedSha256: string | undefined): FileAction {
  if (!existing) return 'add'
  if (existing.equals(wanted)) return 'unchanged'
  return recordedSha256 === sha256(existing) ? 'change' : 'conflict'
}
