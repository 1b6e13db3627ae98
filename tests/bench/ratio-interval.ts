import { percentile } from './section'

/** A small seeded generator (mulberry32): the same samples give the same interval from run to run of the maths. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/**
 * How far the ratio of two percentiles could move on another run of the same keys: a percentile bootstrap, each
 * side's samples drawn again with replacement. A p95 over a few hundred keys is decided by its slowest few dozen,
 * and two runs of one build read ratios up to 0.08 apart; the interval says how much of a verdict near its target
 * is chance.
 */
export function percentileRatioInterval(
  numerator: readonly number[],
  denominator: readonly number[],
  p: number,
  { confidence = 0.9, resamples = 2000, seed = 1 } = {}
): { low: number; high: number } {
  const random = seeded(seed)
  const redraw = (samples: readonly number[]): number[] => samples.map(() => samples[Math.floor(random() * samples.length)]!)
  const ratios = Array.from({ length: resamples }, () => percentile(redraw(numerator), p) / percentile(redraw(denominator), p)).sort((a, b) => a - b)
  const tail = (1 - confidence) / 2
  return { low: ratios[Math.floor(tail * resamples)]!, high: ratios[Math.ceil((1 - tail) * resamples) - 1]! }
}
