import { useId } from 'react'
import { ProfileForm } from './ProfileForm'
import type { ProfileState } from './useProfile'

/**
 * First run: asks who is working here, above the article details. Not modal:
 * writing needs no profile, only signing does (comments, suggestions, status),
 * and those stay off until it is set.
 */
export function FirstRunProfile({ state }: { state: ProfileState }): React.JSX.Element | null {
  const titleId = useId()
  if (!state.loaded || state.profile) return null
  return (
    <section className="first-run-profile" role="dialog" aria-labelledby={titleId}>
      <ProfileForm current={null} titleId={titleId} onSaved={() => undefined} />
    </section>
  )
}
