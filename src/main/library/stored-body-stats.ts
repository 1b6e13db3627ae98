import { bodyStats, type BodyDoc } from '../../shared/article/body'

type Stats = ReturnType<typeof bodyStats>

const counted = new WeakMap<BodyDoc, Stats>()

/**
 * The word count of a body the library holds, counted once per body: a save
 * reads it for its revision, its index entry and its answer's list row, and
 * counting a 10,000-word article takes milliseconds each time. The library
 * never changes a stored article in place (it hands the one it wrote last to
 * the next save, readForSave), so a body's count stays true.
 */
export function storedBodyStats(body: BodyDoc): Stats {
  let stats = counted.get(body)
  if (!stats) {
    stats = bodyStats(body)
    counted.set(body, stats)
  }
  return stats
}
