import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  className: string
  labelledBy: string
  role?: 'dialog' | 'alertdialog'
  /** Escape; left out while something must not be interrupted. */
  onDismiss?: () => void
  children: ReactNode
}

/**
 * The app's one modal: a native <dialog> opened with showModal(), so it traps
 * focus and sits above every other layer. Escape asks the owner instead of
 * closing behind its back, so unsaved state is never dropped silently.
 */
export function ModalDialog({ className, labelledBy, role, onDismiss, children }: Props): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    // A long dialog opens at its top: showModal focuses the first control, which may sit at the
    // bottom (a Close button) and scroll the heading out of view. The dialog itself takes focus instead.
    if (dialog.scrollHeight > dialog.clientHeight && dialog.scrollTop > 0) {
      dialog.focus()
      dialog.scrollTop = 0
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={className}
      role={role}
      tabIndex={-1}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault()
        onDismiss?.()
      }}
    >
      {children}
    </dialog>
  )
}
