import { useState } from 'react'
import type { Actor } from '../../../../shared/review/actor'
import { ProfileDialog } from './ProfileDialog'
import { roleLabel, type ProfileState } from './useProfile'

/**
 * The profile in the status bar ("Ana · Editor"), a click away from switching;
 * on first run, before anything can be signed, the dialog asks for one.
 */
export function ProfileControl({ state }: { state: ProfileState }): React.JSX.Element | null {
  const [switching, setSwitching] = useState(false)
  if (!state.loaded) return null
  const profile: Actor | null = state.profile
  return (
    <>
      <button type="button" className="status-item profile-button ghost" aria-label={profile ? `Profile: ${profile.name}, ${roleLabel(profile.role)}. Switch profile` : 'Set up your profile'} onClick={() => setSwitching(true)}>
        {profile ? `${profile.name} · ${roleLabel(profile.role)}` : 'No profile'}
      </button>
      {(switching || !profile) && <ProfileDialog current={profile} onCancel={profile ? () => setSwitching(false) : undefined} onSaved={() => setSwitching(false)} />}
    </>
  )
}
