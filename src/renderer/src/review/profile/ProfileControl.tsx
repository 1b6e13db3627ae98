import { useState } from 'react'
import { ProfileDialog } from './ProfileDialog'
import { roleLabel, type ProfileState } from './useProfile'

/** The profile in the status bar ("Ana · Editor"), a click away from switching. */
export function ProfileControl({ state }: { state: ProfileState }): React.JSX.Element | null {
  const [switching, setSwitching] = useState(false)
  if (!state.loaded || !state.profile) return null
  const { profile } = state
  return (
    <>
      <button type="button" className="status-item profile-button ghost" aria-label={`Profile: ${profile.name}, ${roleLabel(profile.role)}. Switch profile`} onClick={() => setSwitching(true)}>
        {profile.name} · {roleLabel(profile.role)}
      </button>
      {switching && <ProfileDialog current={profile} onClose={() => setSwitching(false)} />}
    </>
  )
}
