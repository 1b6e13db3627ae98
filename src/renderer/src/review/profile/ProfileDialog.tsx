import { useId } from 'react'
import type { Actor } from '../../../../shared/review/actor'
import { ModalDialog } from '../../lib/ModalDialog'
import { ProfileForm } from './ProfileForm'

/** Switching profile, from the status bar. */
export function ProfileDialog({ current, onClose }: { current: Actor; onClose: () => void }): React.JSX.Element {
  const titleId = useId()
  return (
    <ModalDialog className="review-dialog profile-dialog" labelledBy={titleId} onDismiss={onClose}>
      <ProfileForm current={current} titleId={titleId} onCancel={onClose} onSaved={onClose} />
    </ModalDialog>
  )
}
