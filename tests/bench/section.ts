/** One part of `npm run bench`: it measures one feature and prints its own figures. */
export interface BenchSection {
  name: string
  run(print: (line: string) => void): Promise<void>
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
