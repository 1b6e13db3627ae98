import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

/** The class on the top-level block holding the cursor; editor.css draws that block whatever its place. */
const CARET_BLOCK_CLASS = 'holds-caret'

interface CaretBlock {
  from: number
  to: number
  decorations: DecorationSet
}

const key = new PluginKey<CaretBlock | null>('caretBlockDrawn')

function caretBlock(state: EditorState): CaretBlock | null {
  const { $head } = state.selection
  if ($head.depth === 0) return null
  const from = $head.before(1)
  const to = $head.after(1)
  return { from, to, decorations: DecorationSet.create(state.doc, [Decoration.node(from, to, { class: CARET_BLOCK_CLASS })]) }
}

/**
 * Marks the top-level block holding the cursor, so it is never skipped by
 * `content-visibility: auto` (editor.css). Chromium skips a block made by
 * Enter until the next frame has seen it on screen; a key typed into it
 * before that frame (a writer typing ahead of a busy machine) is inserted but
 * the browser leaves its caret before the character, and ProseMirror reads
 * that caret: "/image" became "image/" and "/" opened no menu. The class is
 * set in the same update that creates the block, so it is drawn from the start.
 */
export const CaretBlockDrawn = Extension.create({
  name: 'caretBlockDrawn',
  addProseMirrorPlugins() {
    return [
      new Plugin<CaretBlock | null>({
        key,
        state: {
          init: (_, state) => caretBlock(state),
          // Kept while the cursor moves within its block; one node decoration is cheap to make again otherwise.
          apply: (tr, previous, _, state) => {
            if (!tr.docChanged && previous && state.selection.$head.depth > 0 && state.selection.$head.before(1) === previous.from) return previous
            return caretBlock(state)
          }
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations ?? null
        }
      })
    ]
  }
})
