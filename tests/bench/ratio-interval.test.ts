import { describe, expect, it } from 'vitest'
import { percentile } from './section'
import { percentileRatioInterval } from './ratio-interval'
import { seededRandom } from './seeded-random'

/** Key latencies in the shape typing gives: most near `typical` ms, an exponential tail of slower keys. */
function latencies(count: number, typical: number, seed: number): number[] {
  const next = seededRandom(seed)
  return Array.from({ length: count }, () => typical * (0.9 + 0.2 * next() - 0.15 * Math.log(1 - next())))
}

describe('percentileRatioInterval', () => {
  it('holds the ratio the samples read, between bounds a few percent apart for 1,600 keys', () => {
    const copydesk = latencies(1600, 6, 1)
    const bare = latencies(1600, 5, 2)
    const ratio = percentile(copydesk, 95) / percentile(bare, 95)
    const { low, high } = percentileRatioInterval(copydesk, bare, 95)
    expect(low).toBeLessThanOrEqual(ratio)
    expect(high).toBeGreaterThanOrEqual(ratio)
    expect(high - low).toBeGreaterThan(0)
    expect(high - low).toBeLessThan(0.15)
  })

  it('narrows as the keys grow: a quarter of them leaves it about twice as wide', () => {
    const width = (keys: number): number => {
      const { low, high } = percentileRatioInterval(latencies(keys, 6, 3), latencies(keys, 5, 4), 95)
      return high - low
    }
    expect(width(400)).toBeGreaterThan(1.4 * width(1600))
  })

  it('stays clear of 1 when one editor is plainly slower, and reads the same twice', () => {
    const slow = latencies(800, 9, 5)
    const fast = latencies(800, 6, 6)
    const interval = percentileRatioInterval(slow, fast, 95)
    expect(interval.low).toBeGreaterThan(1.2)
    expect(percentileRatioInterval(slow, fast, 95)).toEqual(interval)
  })

  it('has no width when every key took the same time', () => {
    expect(percentileRatioInterval(Array(200).fill(6), Array(200).fill(5), 95)).toEqual({ low: 1.2, high: 1.2 })
  })
})
