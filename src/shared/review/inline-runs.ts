import type { Mark, Node as PMNode } from '@tiptap/pm/model'

/** A stretch of inline content carrying one mark, with document positions. */
export interface MarkRun {
  mark: Mark
  from: number
  to: number
}

/** What one top-level block holds, positions counted from the block's start. */
type BlockRuns = readonly MarkRun[]

/**
 * The inline nodes carrying a mark that `wanted` accepts, in document order,
 * each run of adjacent nodes with the same mark joined.
 *
 * The review views ask for this after every transaction, so it must not cost a
 * walk over the whole article per keystroke. ProseMirror's documents are
 * persistent: a keystroke makes a new node for the block it changed and keeps
 * every other block as it was. Each block's runs are cached on the block
 * itself (one cache per `wanted`), so a keystroke rescans the one block it
 * touched and the rest costs a lookup per top-level block.
 */
export function markRuns(doc: PMNode, cache: WeakMap<PMNode, BlockRuns>, wanted: (mark: Mark) => boolean): MarkRun[] {
  const runs: MarkRun[] = []
  doc.forEach((block, offset) => {
    let inBlock = cache.get(block)
    if (!inBlock) {
      inBlock = blockRuns(block, wanted)
      cache.set(block, inBlock)
    }
    // An index loop: this runs in an idle callback once per keystroke, too rarely to be optimized, and a for-of
    // there allocates an iterator per block even when the block has no runs, which is nearly all of them.
    // A block's own content starts one position after its opening token.
    for (let i = 0; i < inBlock.length; i++) {
      const run = inBlock[i]!
      runs.push({ mark: run.mark, from: offset + run.from, to: offset + run.to })
    }
  })
  return runs
}

function blockRuns(block: PMNode, wanted: (mark: Mark) => boolean): BlockRuns {
  const runs: MarkRun[] = []
  const open = new Map<Mark, MarkRun>()
  const scan = (node: PMNode, pos: number): boolean => {
    if (!node.isInline) return true
    for (const mark of node.marks) {
      if (!wanted(mark)) continue
      const last = [...open.keys()].find((m) => m.eq(mark))
      const run = last && open.get(last)
      if (run && run.to === pos) run.to = pos + node.nodeSize
      else {
        const fresh = { mark, from: pos, to: pos + node.nodeSize }
        if (last) open.delete(last)
        open.set(mark, fresh)
        runs.push(fresh)
      }
    }
    return false
  }
  if (block.isInline) scan(block, 0)
  else block.descendants((node, pos) => scan(node, pos + 1))
  return runs
}
