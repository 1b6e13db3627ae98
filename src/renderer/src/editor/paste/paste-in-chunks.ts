import { DOMParser as SchemaParser } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { readClipboardHtml, sanitizeClipboardNodes } from './clean-pasted-html'

/** Above this much HTML a paste is cleaned and inserted a slice at a time. */
export const LARGE_PASTE_CHARS = 256 * 1024
const BLOCKS_PER_SLICE = 120

/** Where the next slice of a paste in progress goes, kept in step with anything typed meanwhile. */
const insertAt = new PluginKey<number | null>('pasteInChunks')

export const chunkedPastePlugin = new Plugin<number | null>({
  key: insertAt,
  state: {
    init: () => null,
    apply: (tr, at) => {
      const meta = tr.getMeta(insertAt) as number | null | undefined
      if (meta !== undefined) return meta
      return at === null ? null : tr.mapping.map(at, 1)
    }
  }
})

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** The blocks to insert: a lone wrapper div (a web page's article container) is looked through. */
function blocksOf(root: HTMLElement): Element[] {
  let blocks = [...root.children]
  while (blocks.length === 1 && /^(DIV|ARTICLE|MAIN)$/.test(blocks[0]!.tagName) && !blocks[0]!.hasAttribute('data-type')) {
    blocks = [...blocks[0]!.children]
  }
  return blocks
}

/**
 * A multi-megabyte paste done in one go would freeze the window for
 * seconds: cleaning, parsing and drawing thousands of blocks. Done here a
 * slice of blocks per task, the window keeps drawing and answering between
 * slices; the slices land one after another where the paste began, and undo
 * takes them back together (they are adjacent and close in time).
 */
export async function pasteInChunks(view: EditorView, html: string): Promise<void> {
  const blocks = blocksOf(readClipboardHtml(html))
  const parser = SchemaParser.fromSchema(view.state.schema)
  // While the editor has focus, every slice makes ProseMirror place the browser's
  // selection, which lays out the whole document again; focus comes back at the end.
  view.dom.blur()
  for (let start = 0; start < blocks.length; start += BLOCKS_PER_SLICE) {
    await nextTask()
    if (view.isDestroyed) return
    const container = document.createElement('div')
    container.append(...blocks.slice(start, start + BLOCKS_PER_SLICE))
    const holder = document.createElement('div')
    holder.append(sanitizeClipboardNodes(container))
    // The first slice replaces the selection; the rest follow the previous slice.
    const at = start === 0 ? null : (insertAt.getState(view.state) ?? null)
    const $context = at === null ? view.state.selection.$from : view.state.doc.resolve(at)
    const slice = parser.parseSlice(holder, { context: $context })
    const tr = at === null ? view.state.tr.replaceSelection(slice) : view.state.tr.replaceRange(at, at, slice)
    const end = at === null ? tr.selection.to : tr.mapping.map(at, 1)
    tr.setSelection(TextSelection.near(tr.doc.resolve(end), -1)).setMeta(insertAt, end).setMeta('paste', true).setMeta('uiEvent', 'paste')
    view.dispatch(tr)
  }
  view.dispatch(view.state.tr.setMeta(insertAt, null).scrollIntoView())
  view.focus()
}
