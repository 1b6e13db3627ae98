import type { Editor } from '@tiptap/core'
import { shortcuts } from '../../../../shared/shortcuts'
import { shortcutLabel } from '../shortcuts'
import { useSettledEditorState } from '../useSettledEditorState'

const styles = [
  { value: 'paragraph', label: 'Paragraph', keys: shortcuts.paragraph.keys },
  { value: '2', label: 'Heading 2', keys: shortcuts.heading2.keys },
  { value: '3', label: 'Heading 3', keys: shortcuts.heading3.keys },
  { value: '4', label: 'Heading 4', keys: shortcuts.heading4.keys }
] as const

/** Paragraph or heading for the block the cursor is in; "Other" inside a list, quote or block. */
export function TextStyleSelect({ editor }: { editor: Editor }): React.JSX.Element {
  const current = useSettledEditorState(editor, (e) => {
    const parent = e.state.selection.$from.parent
    if (parent.type.name === 'heading') return String(parent.attrs['level'])
    return parent.type.name === 'paragraph' ? 'paragraph' : 'other'
  })
  return (
    <select
      className="text-style-select"
      aria-label="Text style"
      title={`Text style (${styles.map((s) => `${s.label} ${shortcutLabel(s.keys)}`).join(', ')})`}
      value={current}
      onChange={(event) => {
        const value = event.target.value
        const chain = editor.chain().focus()
        if (value === 'paragraph') chain.setParagraph().run()
        else chain.setHeading({ level: Number(value) as 2 | 3 | 4 }).run()
      }}
    >
      {current === 'other' && <option value="other">Other</option>}
      {styles.map((style) => (
        <option key={style.value} value={style.value}>
          {style.label}
        </option>
      ))}
    </select>
  )
}
