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
      if (before) {
        const at = place(order, before, compare)
        if (order[at] !== before) {
          // Not where the order says it is: rebuild this order when it is next asked for, rather than trust it.
          this.built.delete(sort)
          continue
        }
        order.splice(at, 1)
      }
      if (after) order.splice(place(order, after, compare), 0, after)
    }
  }

  /** Every entry may have changed (the index was read again): the orders are built afresh when next asked for. */
  reset(): void {
    this.built.clear()
  }
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
