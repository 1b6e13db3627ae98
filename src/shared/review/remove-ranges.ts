import type { ResolvedPos } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'

interface Range {
  from: number
  to: number
}

const atTextblockEnd = ($pos: ResolvedPos): boolean => $pos.parent.isTextblock && $pos.parentOffset === $pos.parent.content.size
const atTextblockStart = ($pos: ResolvedPos): boolean => $pos.parent.isTextblock && $pos.parentOffset === 0

/**
 * Removes inline ranges the way a reader expects a tracked change to vanish:
 * ranges that run on from the end of one paragraph into the start of the next
 * are one span, so removing it joins the two paragraphs back; a paragraph
 * whose whole text goes is removed too, where its container allows it.
 */
export function removeRanges(tr: Transform, ranges: readonly Range[]): void {
  const spans: Range[] = []
  for (const range of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = spans.at(-1)
    if (last && (range.from <= last.to || runsOn(tr, last.to, range.from))) last.to = Math.max(last.to, range.to)
    else spans.push({ ...range })
  }
  // Last first, so the positions of the earlier spans stay valid.
  for (const span of spans.reverse()) removeSpan(tr, span)
}

/** Whether `to` ends a textblock and `from` starts the very next one in the same container. */
function runsOn(tr: Transform, to: number, from: number): boolean {
  const $to = tr.doc.resolve(to)
  const $from = tr.doc.resolve(from)
  return atTextblockEnd($to) && atTextblockStart($from) && $to.after() === $from.before()
}

function removeSpan(tr: Transform, { from, to }: Range): void {
  const $from = tr.doc.resolve(from)
  const $to = tr.doc.resolve(to)
  if (atTextblockStart($from) && atTextblockEnd($to) && $from.depth === $to.depth) {
    const depth = $from.depth - 1
    const sameContainer = $from.start(depth) === $to.start(depth)
    if (sameContainer && $from.node(depth).canReplace($from.index(depth), $to.index(depth) + 1)) {
      tr.delete($from.before(), $to.after())
      return
    }
  }
  tr.delete(from, to)
}
