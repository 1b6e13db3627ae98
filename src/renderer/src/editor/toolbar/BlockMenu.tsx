import { useImperativeHandle, useState } from 'react'
import { ariaShortcut, shortcutLabel } from '../shortcuts'
import type { BlockChoice } from './block-choices'

export interface BlockMenuHandle {
  /** Arrow keys and Enter while the menu is open; true when the key was used. */
  onKeyDown(event: KeyboardEvent): boolean
}

interface Props {
  items: BlockChoice[]
  onChoose: (choice: BlockChoice) => void
  label: string
  ref?: React.Ref<BlockMenuHandle>
}

/** The list of insertable blocks with their shortcuts: the slash menu and the toolbar's Insert menu. */
export function BlockMenu({ items, onChoose, label, ref }: Props): React.JSX.Element {
  const [active, setActive] = useState(0)
  const current = Math.min(active, Math.max(items.length - 1, 0))

  useImperativeHandle(ref, () => ({
    onKeyDown(event) {
      if (items.length === 0) return false
      if (event.key === 'ArrowDown') setActive((current + 1) % items.length)
      else if (event.key === 'ArrowUp') setActive((current - 1 + items.length) % items.length)
      else if (event.key === 'Enter' || event.key === 'Tab') onChoose(items[current]!)
      else return false
      return true
    }
  }))

  return (
    <div className="block-menu" role="menu" aria-label={label}>
      {items.length === 0 && <div className="block-menu-empty">No matching block</div>}
      {items.map((item, index) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className={index === current ? 'is-active' : undefined}
          aria-keyshortcuts={item.shortcut ? ariaShortcut(item.shortcut) : undefined}
          onMouseEnter={() => setActive(index)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(item)}
        >
          <span className="block-menu-icon" aria-hidden>
            {item.icon}
          </span>
          <span className="block-menu-label">{item.label}</span>
          {item.shortcut && <kbd>{shortcutLabel(item.shortcut)}</kbd>}
        </button>
      ))}
    </div>
  )
}
