import type { Editor } from '@tiptap/core'
import { useRef } from 'react'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import { FileOutput, Link, List, ListOrdered, Redo2, Search, TextQuote, Undo2 } from 'lucide-react'
import { shortcuts, type ShortcutId } from '../../../../shared/shortcuts'
import { InsertMenu } from './InsertMenu'
import { activeMarks, markChoices } from './marks'
import { TextStyleSelect } from './TextStyleSelect'
import { ToolButton } from './ToolButton'
import { useRovingFocus } from './useRovingFocus'
import { useSettledEditorState } from '../useSettledEditorState'

interface Props {
  editor: Editor
  onEditLink: () => void
  onFind: () => void
  onExport: () => void
  onError: (error: unknown) => void
  /** Tools other features add (review: comment, suggestion mode). */
  children?: React.ReactNode
}

const icon = { size: 16, 'aria-hidden': true } as const
/** A button for a command of the shortcut table: its name and keys come from there. */
const labelled = (id: ShortcutId) => ({ label: shortcuts[id].label, shortcut: shortcuts[id].keys })

/** Text style, formatting, lists, history, find and export, above the text; every button names its shortcut. */
export function Toolbar({ editor, onEditLink, onFind, onExport, onError, children }: Props): React.JSX.Element {
  const state = useSettledEditorState(editor, (e) => ({
    ...activeMarks(e),
    bulletList: e.isActive('bulletList'),
    orderedList: e.isActive('orderedList'),
    blockquote: e.isActive('blockquote'),
    // The history's depth, not can().undo(): that dry-runs a command on every keystroke.
    canUndo: undoDepth(e.state) > 0,
    canRedo: redoDepth(e.state) > 0
  }))
  const chain = () => editor.chain().focus()
  const bar = useRef<HTMLDivElement>(null)
  useRovingFocus(bar)

  return (
    <div ref={bar} className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <InsertMenu editor={editor} onError={onError} />
      <TextStyleSelect editor={editor} />
      <span className="toolbar-divider" />
      {markChoices.map((mark) => (
        <ToolButton key={mark.name} label={mark.label} shortcut={mark.shortcut} pressed={state[mark.name]} onClick={() => mark.toggle(editor)}>
          <mark.Icon {...icon} />
        </ToolButton>
      ))}
      <ToolButton label="Link" shortcut={shortcuts.link.keys} pressed={state.link} onClick={onEditLink}>
        <Link {...icon} />
      </ToolButton>
      <span className="toolbar-divider" />
      <ToolButton {...labelled('bulletList')} pressed={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
        <List {...icon} />
      </ToolButton>
      <ToolButton {...labelled('orderedList')} pressed={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
        <ListOrdered {...icon} />
      </ToolButton>
      <ToolButton {...labelled('blockquote')} pressed={state.blockquote} onClick={() => chain().toggleBlockquote().run()}>
        <TextQuote {...icon} />
      </ToolButton>
      <span className="toolbar-divider" />
      <ToolButton {...labelled('undo')} disabled={!state.canUndo} onClick={() => chain().undo().run()}>
        <Undo2 {...icon} />
      </ToolButton>
      <ToolButton {...labelled('redo')} disabled={!state.canRedo} onClick={() => chain().redo().run()}>
        <Redo2 {...icon} />
      </ToolButton>
      {children}
      <span className="toolbar-spacer" />
      <ToolButton {...labelled('find')} onClick={onFind}>
        <Search {...icon} />
      </ToolButton>
      <ToolButton label="Export" shortcut={shortcuts.exportHtml.keys} className="export-button" onClick={onExport}>
        <FileOutput {...icon} />
        <span className="tool-button-text">Export</span>
      </ToolButton>
    </div>
  )
}
