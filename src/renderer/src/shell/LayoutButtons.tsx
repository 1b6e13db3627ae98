import { Focus, PanelLeft, PanelRight } from 'lucide-react'
import { shortcuts } from '../../../shared/shortcuts'
import { ariaShortcut, withShortcut } from '../editor/shortcuts'
import type { WorkspaceLayout } from './useWorkspaceLayout'

/** The status bar's switches for the side panels and focus mode, each with its shortcut. */
export function LayoutButtons({ layout }: { layout: WorkspaceLayout }): React.JSX.Element {
  const buttons = [
    { id: 'toggleLibrary', label: 'Library', pressed: layout.library, Icon: PanelLeft, run: () => layout.toggle('library') },
    { id: 'toggleDetails', label: 'Details', pressed: layout.details, Icon: PanelRight, run: () => layout.toggle('details') },
    { id: 'focusMode', label: 'Focus mode', pressed: layout.focus, Icon: Focus, run: layout.toggleFocus }
  ] as const
  return (
    <span className="layout-buttons" role="group" aria-label="Layout">
      {buttons.map(({ id, label, pressed, Icon, run }) => (
        <button
          key={id}
          type="button"
          className="layout-button"
          aria-pressed={pressed}
          aria-keyshortcuts={ariaShortcut(shortcuts[id].keys)}
          title={withShortcut(label, shortcuts[id].keys)}
          onClick={run}
        >
          <Icon size={16} aria-hidden="true" />
          <span className="layout-button-label">{label}</span>
        </button>
      ))}
    </span>
  )
}
