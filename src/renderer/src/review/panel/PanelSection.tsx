import { useState } from 'react'

/**
 * One of the review panel's sections. Its content is drawn only while it is
 * open: a closed checklist or history would otherwise ask the library again
 * and redraw after every autosave, while the writer is typing.
 */
export function PanelSection({ title, initiallyOpen = false, children }: { title: string; initiallyOpen?: boolean; children: React.ReactNode }): React.JSX.Element {
  const [open, setOpen] = useState(initiallyOpen)
  return (
    <details open={initiallyOpen} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{title}</summary>
      {open && children}
    </details>
  )
}
