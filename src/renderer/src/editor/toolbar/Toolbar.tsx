import type { Editor } from '@tiptap/core'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import { useEditorState } from '@tiptap/react'
import { InsertMenu } from './InsertMenu'
import { activeMarks, markChoices } from './marks'
import { ToolButton } from './ToolButton'

interface Props {
  editor: Editor
  onEditLink: () => void
  onFind: () => void
  onError: (error: unknown) => void
  /** Tools other features add (review: comment, suggestion mode). */
  children?: React.ReactNode
}

/** Formatting, lists, history and find, above the text; every button names its shortcut. */
export function Toolbar({ editor, onEditLink, onFind, onError, children }: Props): React.JSX.Element {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      ...activeMarks(e),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      // The history's depth, not can().undo(): that dry-runs a command on every keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0
    })
  })
  const chain = () => editor.chain().focus()

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <InsertMenu editor={editor} onError={onError} />
      <span className="toolbar-divider" />
      {markChoices.map((mark) => (
        <ToolButton key={mark.name} label={mark.label} shortcut={mark.shortcut} pressed={state[mark.name]} className={`mark-${mark.name}`} onClick={() => mark.toggle(editor)}>
          {mark.icon}
        </ToolButton>
      ))}
      <ToolButton label="Link" shortcut="Mod-k" pressed={state.link} onClick={onEditLink}>
        Link
      </ToolButton>
      <span className="toolbar-divider" />
      <ToolButton label="Bulleted list" shortcut="Mod-Shift-8" pressed={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
        •≡
      </ToolButton>
      <ToolButton label="Numbered list" shortcut="Mod-Shift-7" pressed={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
        1≡
      </ToolButton>
      <ToolButton label="Quote" shortcut="Mod-Shift-b" pressed={state.blockquote} onClick={() => chain().toggleBlockquote().run()}>
        “
      </ToolButton>
      <span className="toolbar-divider" />
      <ToolButton label="Undo" shortcut="Mod-z" disabled={!state.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton label="Redo" shortcut="Mod-Shift-z" disabled={!state.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </ToolButton>
      {children}
      <span className="toolbar-spacer" />
      <ToolButton label="Find and replace" shortcut="Mod-f" onClick={onFind}>
        Find
      </ToolButton>
    </div>
  )
}
