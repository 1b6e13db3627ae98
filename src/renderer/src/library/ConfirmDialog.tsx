import type { ReactNode } from 'react'
import { ModalDialog } from '../lib/ModalDialog'

interface Props {
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A modal question before something that cannot be undone. The native
 * <dialog> traps focus, closes on Escape and sits above every other layer.
 * Cancel takes the focus, so a stray Enter never destroys anything.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props): React.JSX.Element {
  return (
    <ModalDialog className="confirm-dialog" role="alertdialog" labelledBy="confirm-dialog-title" onDismiss={onCancel}>
      <h2 id="confirm-dialog-title">{title}</h2>
      <div className="confirm-dialog-body">{children}</div>
      <div className="dialog-actions">
        <button autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  )
}
