import type { Editor } from '@tiptap/core'

export interface MarkChoice {
  name: 'bold' | 'italic' | 'strike' | 'code'
  label: string
  shortcut: string
  icon: string
  toggle(editor: Editor): void
}

/** The inline styles, shared by the toolbar and the bubble menu. */
export const markChoices: MarkChoice[] = [
  { name: 'bold', label: 'Bold', shortcut: 'Mod-b', icon: 'B', toggle: (e) => e.chain().focus().toggleBold().run() },
  { name: 'italic', label: 'Italic', shortcut: 'Mod-i', icon: 'I', toggle: (e) => e.chain().focus().toggleItalic().run() },
  { name: 'strike', label: 'Strikethrough', shortcut: 'Mod-Shift-s', icon: 'S', toggle: (e) => e.chain().focus().toggleStrike().run() },
  { name: 'code', label: 'Inline code', shortcut: 'Mod-e', icon: '<>', toggle: (e) => e.chain().focus().toggleCode().run() }
]

export type ActiveMarks = Record<MarkChoice['name'] | 'link', boolean>

export const activeMarks = (editor: Editor): ActiveMarks => ({
  bold: editor.isActive('bold'),
  italic: editor.isActive('italic'),
  strike: editor.isActive('strike'),
  code: editor.isActive('code'),
  link: editor.isActive('link')
})
