import type { Editor } from '@tiptap/core'
// The typings of two commands used below (insertTable, setListLoose): the type-check reads src/shared through its
// declarations, which keep no import that only brought in values, so the extensions that add the commands are named here.
import type {} from '@tiptap/extension-table'
import type {} from '../../../../shared/schema/list-spacing'
import { emptyFaq } from '../blocks/faq/faq-commands'
import { addImageFiles, pickImageFiles } from '../media/add-image-files'
import { insertBlock } from './insert-block'

export interface BlockChoice {
  id: string
  label: string
  /** Extra words the slash menu matches, e.g. "h2" or "divider". */
  keywords: string
  shortcut?: string
  icon: string
  run(editor: Editor, onError: (error: unknown) => void): void
}

/** Every block a writer can insert, shared by the slash menu and the toolbar's inserter. */
export const blockChoices: BlockChoice[] = [
  { id: 'paragraph', label: 'Text', keywords: 'paragraph plain', shortcut: 'Mod-Alt-0', icon: '¶', run: (e) => e.chain().focus().setParagraph().run() },
  ...([2, 3, 4, 5, 6] as const).map((level) => ({
    id: `heading${level}`,
    label: `Heading ${level}`,
    keywords: `h${level} title subtitle section`,
    shortcut: `Mod-Alt-${level}`,
    icon: `H${level}`,
    run: (e: Editor) => e.chain().focus().setHeading({ level }).run()
  })),
  { id: 'bulletList', label: 'Bulleted list', keywords: 'ul unordered bullets', shortcut: 'Mod-Shift-8', icon: '•', run: (e) => e.chain().focus().toggleBulletList().run() },
  { id: 'orderedList', label: 'Numbered list', keywords: 'ol ordered numbers', shortcut: 'Mod-Shift-7', icon: '1.', run: (e) => e.chain().focus().toggleOrderedList().run() },
  {
    id: 'looseList',
    label: 'Loose list (space between items)',
    keywords: 'list spacing loose tight paragraphs',
    icon: '⋮',
    run: (e) => {
      const list = ['bulletList', 'orderedList'].find((name) => e.isActive(name))
      if (list) e.chain().focus().setListLoose(!e.getAttributes(list)['loose']).run()
    }
  },
  { id: 'blockquote', label: 'Quote', keywords: 'blockquote citation pull', shortcut: 'Mod-Shift-b', icon: '“', run: (e) => e.chain().focus().toggleBlockquote().run() },
  { id: 'codeBlock', label: 'Code block', keywords: 'pre snippet', shortcut: 'Mod-Alt-c', icon: '{}', run: (e) => e.chain().focus().toggleCodeBlock().run() },
  { id: 'horizontalRule', label: 'Divider', keywords: 'hr horizontal rule separator line', icon: '—', run: (e) => e.chain().focus().setHorizontalRule().run() },
  {
    id: 'image',
    label: 'Image…',
    keywords: 'picture photo figure',
    icon: '▣',
    run: (e, onError) => {
      const at = e.state.selection.from
      pickImageFiles()
        .then((files) => addImageFiles(e, files, at))
        .catch(onError)
    }
  },
  { id: 'table', label: 'Table', keywords: 'grid rows columns', icon: '▦', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { id: 'faq', label: 'FAQ', keywords: 'questions answers faq', icon: '?', run: (e) => insertBlock(e, emptyFaq()) },
  { id: 'promoSlot', label: 'Promo slot', keywords: 'ad sponsored promotion promo', icon: '★', run: (e) => insertBlock(e, { type: 'promoSlot', attrs: { promoId: null } }) }
]

export function findBlockChoices(query: string): BlockChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return blockChoices.filter((choice) => words.every((word) => `${choice.label} ${choice.keywords}`.toLowerCase().includes(word)))
}
