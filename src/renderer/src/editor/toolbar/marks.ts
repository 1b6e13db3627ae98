import type { Editor } from '@tiptap/core'
import { Bold, Code, Italic, Strikethrough, type LucideIcon } from 'lucide-react'
import { shortcuts } from '../../../../shared/shortcuts'

export interface MarkChoice {
  name: 'bold' | 'italic' | 'strike' | 'code'
  label: string
  shortcut: string
  Icon: LucideIcon
  toggle(editor: Editor): void
}

/** The inline styles, shared by the toolbar and the bubble menu. */
export const markChoices: MarkChoice[] = [
  { name: 'bold', label: shortcuts.bold.label, shortcut: shortcuts.bold.keys, Icon: Bold, toggle: (e) => e.chain().focus().toggleBold().run() },
  { name: 'italic', label: shortcuts.italic.label, shortcut: shortcuts.italic.keys, Icon: Italic, toggle: (e) => e.chain().focus().toggleItalic().run() },
  { name: 'strike', label: shortcuts.strike.label, shortcut: shortcuts.strike.keys, Icon: Strikethrough, toggle: (e) => e.chain().focus().toggleStrike().run() },
  { name: 'code', label: shortcuts.code.label, shortcut: shortcuts.code.keys, Icon: Code, toggle: (e) => e.chain().focus().toggleCode().run() }
]

export type ActiveMarks = Record<MarkChoice['name'] | 'link', boolean>

/** Which inline styles the selection has. The toolbar and the bubble menu ask after every keystroke. */
export function activeMarks(editor: Editor): ActiveMarks {
  const { selection, storedMarks } = editor.state
  if (selection.empty) {
    // What Tiptap's isActive answers for a cursor, read once for all five buttons instead of resolved five times.
    const names = new Set((storedMarks ?? selection.$from.marks()).map((mark) => mark.type.name))
    return { bold: names.has('bold'), italic: names.has('italic'), strike: names.has('strike'), code: names.has('code'), link: names.has('link') }
  }
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    strike: editor.isActive('strike'),
    code: editor.isActive('code'),
    link: editor.isActive('link')
  }
}
