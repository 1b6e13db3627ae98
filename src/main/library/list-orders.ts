import { listOrder } from '../../shared/article-list'
import type { SearchHit } from '../../shared/library-api'
import { toSummary, type IndexEntry } from './summary'

export type ListSort = 'updated' | 'title'

/**
 * The live articles in each order the list offers, kept sorted as articles
 * change, so listing 50,000 articles reads them in order instead of sorting
 * (and comparing titles) at every call. An order is built the first time it
 * is asked for; a change then moves one entry by binary search. Each entry's
 * list row is made once and shared by every list that shows it (entries are
 * replaced, never edited, when an article changes).
 */
export class ListOrders {
  private readonly built = new Map<ListSort, IndexEntry[]>()
  private readonly rows = new WeakMap<IndexEntry, SearchHit>()

  constructor(private readonly articles: ReadonlyMap<string, IndexEntry>) {}

  sorted(sort: ListSort): readonly IndexEntry[] {
    let order = this.built.get(sort)
    if (!order) {
      order = [...this.articles.values()].sort(listOrder(sort))
      this.built.set(sort, order)
    }
    return order
  }

  /** The list's row for an entry, without an excerpt. */
  row(entry: IndexEntry): SearchHit {
    let row = this.rows.get(entry)
    if (!row) {
      // Added to the fresh summary rather than spread beside it: spreading into a literal with another field took V8's slow path, 10 times the cost.
      row = Object.freeze(Object.assign(toSummary(entry), { excerpt: '' }))
      this.rows.set(entry, row)
    }
    return row
  }

  /** `before` left the live articles, `after` joined them (either may be absent: a new article, a deletion). */
  changed(before: IndexEntry | undefined, after: IndexEntry | undefined): void {
    for (const [sort, order] of this.built) {
      const compare = listOrder(sort)
      const from = before ? place(order, before, compare) : -1
      if (before && order[from] !== before) {
        // Not where the order says it is: rebuild this order when it is next asked for, rather than trust it.
        this.built.delete(sort)
        continue
      }
      if (!after) order.splice(from, 1)
      else if (from < 0) order.splice(place(order, after, compare), 0, after)
      else moveTo(order, from, place(order, after, compare), after)
    }
  }

  /** Every entry may have changed (the index was read again): the orders are built afresh when next asked for. */
  reset(): void {
    this.built.clear()
  }
}

/**
 * Puts `entry` in place of the one at `from`, where `place` says it goes
 * (`to`, found with the one at `from` still there), shifting only the
 * entries in between. A save moves its article a few places at most (to the
 * top of the list by date, nowhere by title); taking it out and putting it
 * back with two splices moved every entry after it twice, 50,000 of them in
 * the biggest library: 0.3 ms of a save's CPU there, the most of anything
 * that grew with the library but the search update.
 */
function moveTo(order: IndexEntry[], from: number, to: number, entry: IndexEntry): void {
  if (to > from) {
    // The place was counted with the old entry before it.
    to--
    for (let i = from; i < to; i++) order[i] = order[i + 1]!
  } else for (let i = from; i > to; i--) order[i] = order[i - 1]!
  order[to] = entry
}

/** The first index whose entry does not sort before `entry`. */
function place(order: readonly IndexEntry[], entry: IndexEntry, compare: (a: IndexEntry, b: IndexEntry) => number): number {
  let low = 0
  let high = order.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(order[middle]!, entry) < 0) low = middle + 1
    else high = middle
  }
  return low
}
