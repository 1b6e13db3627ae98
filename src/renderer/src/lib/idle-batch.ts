import { RunBatch } from './run-batch'

/** What runs once the browser is idle, at most this long after it was asked for on a machine that never is. */
const IDLE_TIMEOUT_MS = 100

const waiting = new RunBatch()
let handle: number | undefined

function runWaiting(): void {
  handle = undefined
  waiting.runAll()
}

/**
 * Runs `run` once the browser is idle, in one idle callback shared with
 * everything else waiting: the toolbar, menus and review rail each read the
 * editor after every keystroke (useSettledEditorState.ts), and an idle
 * callback apiece was a task apiece per key. Asking again for a run still
 * waiting keeps one run.
 */
export function whenIdle(run: () => void): void {
  waiting.add(run)
  handle ??= requestIdleCallback(runWaiting, { timeout: IDLE_TIMEOUT_MS })
}

/** Drops `run` if it is still waiting; the idle callback goes too when nothing else waits. */
export function cancelIdle(run: () => void): void {
  waiting.delete(run)
  if (waiting.size > 0 || handle === undefined) return
  cancelIdleCallback(handle)
  handle = undefined
}
