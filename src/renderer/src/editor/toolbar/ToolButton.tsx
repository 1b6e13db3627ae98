import { ariaShortcut, withShortcut } from '../shortcuts'

interface Props {
  label: string
  shortcut?: string
  pressed?: boolean
  disabled?: boolean
  className?: string
  onClick: () => void
  children: React.ReactNode
}

/** A toolbar button: its name for screen readers, its shortcut in the tooltip. */
export function ToolButton({ label, shortcut, pressed, disabled, className, onClick, children }: Props): React.JSX.Element {
  return (
    <button
      type="button"
      className={`tool-button ${className ?? ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      title={withShortcut(label, shortcut)}
      disabled={disabled}
      // Keep the editor's selection: the click acts on it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
