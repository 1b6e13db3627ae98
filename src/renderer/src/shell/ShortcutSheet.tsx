import { useState } from 'react'
import { shortcutGroups, shortcuts, type Shortcut } from '../../../shared/shortcuts'
import { shortcutLabel } from '../editor/shortcuts'
import { ModalDialog } from '../lib/ModalDialog'
import { useCommand } from './useCommand'

const all: Shortcut[] = Object.values(shortcuts)

/** Every shortcut of the app in one sheet: Ctrl+/ or Help → Keyboard Shortcuts. */
export function ShortcutSheet(): React.JSX.Element | null {
  const [open, setOpen] = useState(false)
  useCommand('shortcutSheet', () => setOpen((shown) => !shown), { inDialogs: true })
  if (!open) return null
  const close = (): void => setOpen(false)
  return (
    <ModalDialog className="review-dialog shortcut-sheet" labelledBy="shortcut-sheet-title" onDismiss={close}>
      <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
      <div className="shortcut-groups">
        {shortcutGroups.map((group) => (
          <section key={group} aria-labelledby={`shortcut-group-${group}`}>
            <h3 id={`shortcut-group-${group}`}>{group}</h3>
            <dl>
              {all
                .filter((shortcut) => shortcut.group === group)
                .map((shortcut) => (
                  <div key={shortcut.label} className="shortcut-row">
                    <dt>{shortcut.label}</dt>
                    <dd>
                      <kbd>{shortcutLabel(shortcut.keys)}</kbd>
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
