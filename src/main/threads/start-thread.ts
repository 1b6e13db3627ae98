import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import type * as Esbuild from 'esbuild'
import { bundledThread, type ThreadName } from './bundled-threads'

export { useBundledThread, type ThreadName } from './bundled-threads'

/** Each thread's TypeScript entry, relative to this folder, for runs from sources. */
const sourceEntries: Record<ThreadName, string> = {
  render: '../site-export/render-worker.ts',
  import: '../library/import-worker.ts',
  stamps: '../library/stamp-worker.ts',
  search: '../library/search-count-worker.ts'
}

// Read when a thread starts, not at load: code bundled as CommonJS (a test's crash writer) has no import.meta.url.
const here = (): string => fileURLToPath(import.meta.url)
/** Running from sources (the CLI, tests, the bench): this file is TypeScript. */
const fromSources = (): boolean => here().endsWith('.ts')
const sourceBundles = new Map<ThreadName, string>()

/**
 * Starts a thread running `name`. From sources, threads do not inherit tsx's
 * loader, and loading a hundred-odd modules through it took each thread most
 * of a second, so the entry is bundled once per process with esbuild (which
 * tsx runs on) and each thread evaluates that one script, as the app does
 * with the worker electron-vite bundled.
 */
export function startThread(name: ThreadName, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const file = bundledThread(name)
  if (file) return new Worker(file, options)
  if (!fromSources()) throw new Error(`This build names no ${name} thread: call useBundledThread first.`)
  let script = sourceBundles.get(name)
  if (script === undefined) {
    // Required only here, so the app's bundle never reaches for a build tool.
    const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof Esbuild
    const entry = join(dirname(here()), sourceEntries[name])
    script = buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' }).outputFiles[0]!.text
    sourceBundles.set(name, script)
  }
  return new Worker(script, { ...options, eval: true })
}
