import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

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

// A tenth of a millisecond below 100: rounded to whole ones, a p95 just under 16 ms read "16 ms (< 16 ms: met)".
export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`

export const verdict = (met: boolean): string => (met ? 'met' : 'NOT met')

/** Threads that spin until stopped, keeping every core busy as other programs on a loaded machine would. */
export function busyCores(): { stop: () => Promise<void> } {
  const flag = new Int32Array(new SharedArrayBuffer(4))
  const spin = 'const flag = new Int32Array(require("node:worker_threads").workerData); while (Atomics.load(flag, 0) === 0) {}'
  const threads = Array.from({ length: availableParallelism() }, () => new Worker(spin, { eval: true, workerData: flag.buffer }))
  return {
    async stop() {
      Atomics.store(flag, 0, 1)
      await Promise.all(threads.map((thread) => new Promise((done) => thread.once('exit', done))))
    }
  }
}
