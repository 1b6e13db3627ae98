import { percentile } from './section'
import { seededRandom } from './seeded-random'

/**
 * How far the ratio of two percentiles could move on another run of the same keys: a percentile bootstrap, each
 * side's samples drawn again with replacement. A p95 is decided by the slowest few dozen keys; the interval says how
 * much of a verdict near its target is chance.
 */
export function percentileRatioInterval(
  numerator: readonly number[],
  denominator: readonly number[],
  p: number,
  { confidence = 0.9, resamples = 2000, seed = 1 } = {}
): { low: number; high: number } {
  // Seeded: the same keys give the same interval each time the maths runs.
  const random = seededRandom(seed)
  const redraw = (samples: readonly number[]): number[] => samples.map(() => samples[Math.floor(random() * samples.length)]!)
  const ratios = Array.from({ length: resamples }, () => percentile(redraw(numerator), p) / percentile(redraw(denominator), p)).sort((a, b) => a - b)
  const tail = (1 - confidence) / 2
  return { low: ratios[Math.floor(tail * resamples)]!, high: ratios[Math.ceil((1 - tail) * resamples) - 1]! }
}
