import { Extension } from '@tiptap/core'
import { Plugin } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** The elements around the editor that scroll, innermost first: they do not change while an article is open. */
const scrollersOf = new WeakMap<HTMLElement, HTMLElement[]>()

function scrollers(dom: HTMLElement): HTMLElement[] {
  let found = scrollersOf.get(dom)
  if (!found) {
    found = []
    for (let element = dom.parentElement; element && element !== document.body; element = element.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(element)
      if (/auto|scroll|hidden|clip/.test(`${overflowX} ${overflowY}`)) found.push(element)
    }
    scrollersOf.set(dom, found)
  }
  return found
}

/**
 * Whether the cursor is already wholly in view: inside every scrolling box around the editor and the window. A code
 * block scrolls sideways inside the editor: there ProseMirror measures as usual.
 */
function caretInView(view: EditorView): boolean {
  const { selection } = view.state
  if (!selection.empty || selection.$head.parent.type.spec.code || !view.dom.isConnected) return false
  const caret = view.coordsAtPos(selection.head, 1)
  const inside = (top: number, left: number, bottom: number, right: number): boolean =>
    caret.top >= top && caret.bottom <= bottom && caret.left >= left && caret.right <= right
  if (!inside(0, 0, window.innerHeight, window.innerWidth)) return false
  return scrollers(view.dom).every((element) => {
    const box = element.getBoundingClientRect()
    const top = box.top + element.clientTop
    const left = box.left + element.clientLeft
    // The client box: without borders and scroll bars, as ProseMirror measures it.
    return inside(top, left, top + element.clientHeight, left + element.clientWidth)
  })
}

/**
 * Every key scrolls the cursor into view. ProseMirror does so by measuring each element from the cursor up to the
 * page (its box, its size, its computed style), forcing a style and layout check on each; around Copydesk's editor
 * that is a dozen elements, the largest part of a keystroke's script. While the cursor stays wholly in view, which is
 * nearly every key, two boxes say so and nothing scrolls; otherwise ProseMirror scrolls as it always does.
 */
export const CaretInView = Extension.create({
  name: 'caretInView',
  addProseMirrorPlugins() {
    return [new Plugin({ props: { handleScrollToSelection: caretInView } })]
  }
})
