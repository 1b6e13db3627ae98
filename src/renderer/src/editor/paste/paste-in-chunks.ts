import { DOMParser as SchemaParser } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { readClipboardHtml, sanitizeClipboardNodes } from './clean-pasted-html'

/** Above this much HTML a paste is cleaned and inserted a slice at a time. */
export const LARGE_PASTE_CHARS = 256 * 1024

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

/** Parses and defuses the paste on a helper thread (see defusedPieces): the window only ever parses one piece at a time. */
function defuseOffThread(html: string): Promise<string[]> {
  const worker = new Worker(new URL('./defuse-worker.ts', import.meta.url), { type: 'module', name: 'Copydesk paste' })
  return new Promise<string[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ pieces: string[] } | { error: string }>) =>
      'pieces' in event.data ? resolve(event.data.pieces) : reject(new Error(`The paste could not be read: ${event.data.error}`))
    worker.onerror = (event) => reject(new Error(`The paste could not be read: ${event.message || 'its reader stopped'}`))
    worker.postMessage(html)
  }).finally(() => worker.terminate())
}

/**
 * A multi-megabyte paste done in one go would freeze the window for
 * seconds: parsing, cleaning and drawing thousands of blocks. The HTML is
 * parsed and cut into pieces off the window's thread; each piece is then
 * cleaned, parsed and inserted in its own task, so the window keeps drawing
 * and answering between pieces. The pieces land one after another where the
 * paste began, and undo takes them back together (they are adjacent and
 * close in time).
 */
export async function pasteInChunks(view: EditorView, html: string): Promise<void> {
  const pieces = await defuseOffThread(html)
  const parser = SchemaParser.fromSchema(view.state.schema)
  // While the editor has focus, every slice makes ProseMirror place the browser's
  // selection, which lays out the whole document again; focus comes back at the end.
  view.dom.blur()
  for (const [index, piece] of pieces.entries()) {
    await nextTask()
    if (view.isDestroyed) return
    const holder = document.createElement('div')
    holder.append(sanitizeClipboardNodes(readClipboardHtml(piece)))
    // The first slice replaces the selection; the rest follow the previous slice.
    const at = index === 0 ? null : (insertAt.getState(view.state) ?? null)
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
