/** How long without a key counts as a pause in typing. */
export const TYPING_PAUSE_MS = 400
/** Typing that never pauses still sees what waits at least this often. */
export const LONGEST_WAIT_MS = 30_000

let lastKeyAt = -Infinity
let listening = false

function listen(): void {
  if (listening) return
  listening = true
  window.addEventListener('keydown', () => void (lastKeyAt = performance.now()), { capture: true, passive: true })
}

/**
 * One update that may wait until typing pauses, the newest replacing any still waiting: the answer to an autosave.
 * Drawing it is a React commit, and a commit in the middle of typing costs the key that lands in it (live-dom.ts).
 */
export class AfterTyping {
  private task: (() => void) | null = null
  private since = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor() {
    // From the start: the keys typed before the first update asked to wait are typing too.
    listen()
  }

  set(task: () => void): void {
    if (!this.task) this.since = performance.now()
    this.task = task
    this.arm()
  }

  /** Runs the update waiting, if any, now: before a change that must land after it. */
  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const task = this.task
    this.task = null
    task?.()
  }

  private arm(): void {
    if (this.timer !== undefined) return
    const now = performance.now()
    const due = Math.min(lastKeyAt + TYPING_PAUSE_MS, this.since + LONGEST_WAIT_MS)
    this.timer = setTimeout(() => {
      this.timer = undefined
      const at = performance.now()
      if (at - lastKeyAt >= TYPING_PAUSE_MS || at - this.since >= LONGEST_WAIT_MS) this.flush()
      else this.arm()
    }, Math.max(0, due - now))
  }
}
