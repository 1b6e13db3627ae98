import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { BubbleMenu } from '@tiptap/react/menus'
import { Link } from 'lucide-react'
import { keysOf } from '../shortcuts'
import { activeMarks, markChoices } from '../toolbar/marks'
import { ToolButton } from '../toolbar/ToolButton'
import { useSettledEditorState } from '../useSettledEditorState'

interface Props {
  editor: Editor
  onEditLink: () => void
}

/** Inline styles for selected text, next to the selection. */
export function MarkBubbleMenu({ editor, onEditLink }: Props): React.JSX.Element {
  const active = useSettledEditorState(editor, activeMarks)
  return (
    <BubbleMenu
      editor={editor}
      className="bubble-menu"
      options={{ placement: 'top' }}
      shouldShow={({ editor: e, state }) => {
        const { selection } = state
        if (selection.empty || selection instanceof NodeSelection || !e.isFocused) return false
        // Code blocks and FAQ questions take no marks.
        return selection.$from.parent.type.spec.marks !== '' && !selection.$from.parent.type.spec.code
      }}
    >
      <div role="toolbar" aria-label="Text style">
        {markChoices.map((mark) => (
          <ToolButton key={mark.name} label={mark.label} shortcut={mark.shortcut} pressed={active[mark.name]} className={`mark-${mark.name}`} onClick={() => mark.toggle(editor)}>
            <mark.Icon size={16} aria-hidden="true" />
          </ToolButton>
        ))}
        <ToolButton label="Link" shortcut={keysOf('link')} pressed={active.link} onClick={onEditLink}>
          <Link size={16} aria-hidden="true" />
        </ToolButton>
      </div>
    </BubbleMenu>
  )
}
