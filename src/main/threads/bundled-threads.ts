/** The worker threads main runs, each the entry of its own bundle in the app. */
export type ThreadName = 'render' | 'import' | 'stamps' | 'search'

const bundledFiles = new Map<ThreadName, string>()

/**
 * Called by the app with the workers electron-vite bundled (imported with
 * `?modulePath`), since bundled code cannot find them beside itself, and by
 * the built CLI. Apart from start-thread.ts, so that naming them does not load
 * Node's worker threads: `copydesk --help` starts no thread.
 */
export function useBundledThread(name: ThreadName, file: string): void {
  bundledFiles.set(name, file)
}

/** The bundled script of thread `name`, when one was named. */
export const bundledThread = (name: ThreadName): string | undefined => bundledFiles.get(name)

/** Back to the thread built from sources: for a test that named a broken bundle. */
export const forgetBundledThread = (name: ThreadName): boolean => bundledFiles.delete(name)
