import { markControl } from './block-controls'
import type { drawIcon } from './dom-icon'

interface ButtonSpec {
  className: string
  /** The button's name for screen readers, when it shows an icon alone. */
  label?: string
  title?: string
  icon?: ReturnType<typeof drawIcon>
  text?: string
  /** The block's first control takes its Tab stop (block-controls.ts). */
  first: boolean
  onClick: () => void
}

/** A button among a block's controls (block-controls.ts), for the block views drawn without React. */
export function domButton({ className, label, title, icon, text, first, onClick }: ButtonSpec): HTMLButtonElement {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = className
  if (label) button.setAttribute('aria-label', label)
  if (title) button.title = title
  markControl(button, first)
  if (icon) button.append(icon.clone())
  if (text) button.append(icon ? ` ${text}` : text)
  button.addEventListener('click', onClick)
  return button
}
