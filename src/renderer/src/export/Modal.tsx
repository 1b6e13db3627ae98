import type { ReactNode } from 'react'
import { ModalDialog } from '../lib/ModalDialog'

interface Props {
  title: string
  className?: string
  children: ReactNode
  /** Escape and the close button; left out while something must not be interrupted. */
  onClose?: () => void
}

/** A native modal <dialog>: it traps focus and sits above everything; Escape closes it when closing is allowed. */
export function Modal({ title, className, children, onClose }: Props): React.JSX.Element {
  return (
    <ModalDialog className={`export-dialog ${className ?? ''}`} labelledBy="export-dialog-title" onDismiss={onClose}>
      <header className="export-dialog-header">
        <h2 id="export-dialog-title">{title}</h2>
        {onClose && (
          <button className="ghost" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {children}
    </ModalDialog>
  )
}
