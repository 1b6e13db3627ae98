import { committer } from '../git/user-config'
import type { SyncAuthor } from './commit-local'

/**
 * Sync's commits are by the Copydesk profile's name; the email (which a
 * profile does not have) is the user's git one, or empty. Without a profile,
 * the user's git name, so a first sync from the CLI is never refused for it.
 */
export async function syncAuthor(profileName: string | null, dir: string): Promise<SyncAuthor> {
  const git = new Map(await committer(dir))
  return { name: profileName ?? git.get('user.name') ?? 'Copydesk', email: git.get('user.email') ?? '' }
}
