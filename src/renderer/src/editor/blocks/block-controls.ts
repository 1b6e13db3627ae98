/**
 * A block's controls (an FAQ's heading, move and remove buttons; a promo
 * slot's buttons) are one Tab stop: Tab enters the block at the control used
 * last, the arrow keys move between its controls, and the next Tab leaves the
 * block. (The WAI-ARIA "roving tabindex".) Views mark their block with
 * `data-block-controls` and each control with `data-block-control`; a control
 * starts with tabIndex 0 if it is the block's first, -1 otherwise.
 */
export const markBlockControls = (block: HTMLElement): void => {
  block.dataset['blockControls'] = ''
}
export function markControl(control: HTMLElement, first: boolean): void {
  control.dataset['blockControl'] = ''
  control.tabIndex = first ? 0 : -1
}

const controlsOf = (block: Element): HTMLElement[] =>
  [...block.querySelectorAll<HTMLElement>('[data-block-control]')].filter((control) => control.closest('[data-block-controls]') === block)

function makeCurrent(block: Element, control: HTMLElement): void {
  for (const other of controlsOf(block)) other.tabIndex = other === control ? 0 : -1
}

/** The control the key moves to, or null when the key is not a move (an arrow typing in a text box). */
function target(controls: HTMLElement[], from: HTMLElement, key: string): HTMLElement | null {
  const at = controls.indexOf(from)
  // In a text box, left and right move the caret.
  const text = from instanceof HTMLInputElement
  if (key === 'ArrowDown' || (key === 'ArrowRight' && !text)) return controls[Math.min(at + 1, controls.length - 1)] ?? null
  if (key === 'ArrowUp' || (key === 'ArrowLeft' && !text)) return controls[Math.max(at - 1, 0)] ?? null
  if (key === 'Home' && !text) return controls[0] ?? null
  if (key === 'End' && !text) return controls.at(-1) ?? null
  return null
}

/** Listens on the page for the keys and focus of every block's controls; returns the cleanup. */
export function attachBlockControls(page: HTMLElement): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const control = (event.target as HTMLElement).closest<HTMLElement>('[data-block-control]')
    const block = control?.closest('[data-block-controls]')
    if (!control || !block) return
    const next = target(controlsOf(block), control, event.key)
    if (!next) return
    event.preventDefault()
    event.stopPropagation()
    makeCurrent(block, next)
    next.focus()
  }
  const onFocusIn = (event: FocusEvent): void => {
    const control = (event.target as HTMLElement).closest<HTMLElement>('[data-block-control]')
    const block = control?.closest('[data-block-controls]')
    if (control && block) makeCurrent(block, control)
  }
  page.addEventListener('keydown', onKeyDown, true)
  page.addEventListener('focusin', onFocusIn)
  return () => {
    page.removeEventListener('keydown', onKeyDown, true)
    page.removeEventListener('focusin', onFocusIn)
  }
}
