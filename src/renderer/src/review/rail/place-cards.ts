import type { Editor } from '@tiptap/core'

const GAP = 8

/**
 * Puts each card of the rail level with the words it is about
 * (data-anchor-from, a document position), pushing a card down when the one
 * above would overlap it. Works on the DOM directly: heights are only known
 * once the cards are laid out.
 */
export function placeCards(editor: Editor, rail: HTMLElement): void {
  const cards = [...rail.querySelectorAll<HTMLElement>('[data-anchor-from]')]
  // Runs after every keystroke: without cards, asking where the rail is would only make the browser lay the page out again.
  if (cards.length === 0) {
    rail.style.minHeight = ''
    return
  }
  const railTop = rail.getBoundingClientRect().top
  const max = editor.state.doc.content.size
  const tops = cards.map((card) => {
    const from = Math.min(Number(card.dataset['anchorFrom']), max)
    return { card, top: Number.isFinite(from) && from >= 0 ? editor.view.coordsAtPos(from).top - railTop : 0 }
  })
  tops.sort((a, b) => a.top - b.top)
  let bottom = 0
  for (const { card, top } of tops) {
    const y = Math.max(top, bottom)
    card.style.top = `${y}px`
    bottom = y + card.offsetHeight + GAP
  }
  rail.style.minHeight = `${bottom}px`
}
