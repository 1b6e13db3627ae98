import { UserError } from '../../shared/ipc/result'
import type { Actor } from '../../shared/review/actor'

/** The local profile (settings) that signs every review action; there is none until the person sets one up. */
export function requireProfile(profile: Actor | null): Actor {
  if (!profile)
    throw new UserError('invalid-input', 'Set up your profile first (your name, and whether you write or edit): every review action is signed with it.')
  return profile
}
