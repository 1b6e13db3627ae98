import { RunBatch } from './run-batch'

/** How long without a key counts as a pause in typing. */
export const TYPING_PAUSE_MS = 400
/** Typing that never pauses still sees what waits at least this often. */
export const LONGEST_WAIT_MS = 30_000

let lastKeyAt = -Infinity
let listening = false

function listen(): void {
  if (listening) return
  listening = true
  window.addEventListener('keydown', onKey, { capture: true, passive: true })
}

/**
 * A draw asked for this soon after a key is asked for by the key's own handling (the save state going to
 * "Editing…"), and joins that key's frame. Later ones wait for the next key.
 */
const KEY_HANDLING_MS = 10

function onKey(): void {
  lastKeyAt = performance.now()
  // Only when something waits: a frame callback asked for at every key is work of its own in every keystroke.
  if (waitingDraws.size > 0) askKeyFrame()
}

function askKeyFrame(): void {
  keyFrame ||= requestAnimationFrame(drawWaiting)
}

const typingNow = (): boolean => performance.now() - lastKeyAt < TYPING_PAUSE_MS

const waitingDraws = new RunBatch()
let keyFrame = 0
let pauseTimer: ReturnType<typeof setTimeout> | undefined

function drawWaiting(): void {
  keyFrame = 0
  clearTimeout(pauseTimer)
  pauseTimer = undefined
  waitingDraws.runAll()
}

function drawAtPause(): void {
  pauseTimer = setTimeout(
    () => {
      pauseTimer = undefined
      if (typingNow()) drawAtPause()
      else drawWaiting()
    },
    Math.max(0, lastKeyAt + TYPING_PAUSE_MS - performance.now())
  )
}

/**
 * Draws a small change people see while they type (the word count, the save state) in the frame of the next key,
 * or at once when nobody is typing. A change drawn on its own makes the browser draw a whole frame for it (style,
 * layout, paint, layerizing the whole page, commit), and a key pressed meanwhile waits for that frame; drawn with a
 * key, it costs that key's frame a status bar's worth. The same draw asked twice runs once.
 */
export function drawWithNextKey(draw: () => void): void {
  listen()
  if (!typingNow()) {
    waitingDraws.delete(draw)
    draw()
    return
  }
  waitingDraws.add(draw)
  if (performance.now() - lastKeyAt < KEY_HANDLING_MS) askKeyFrame()
  if (pauseTimer === undefined) drawAtPause()
}

/** Forgets a draw still waiting for a key: its element is gone. */
export function cancelDraw(draw: () => void): void {
  waitingDraws.delete(draw)
}

/**
 * One update that may wait until typing pauses, the newest replacing any still waiting: the answer to an autosave,
 * the word count. Drawing it costs the key that lands in it: a React commit (live-dom.ts), or a frame's worth of
 * style, layout and paint for the status bar. Typing that never pauses still sees it after `longestWaitMs`.
 */
export class AfterTyping {
  private task: (() => void) | null = null
  private since = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly longestWaitMs = LONGEST_WAIT_MS) {
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
    const task = this.task
    this.cancel()
    task?.()
  }

  /** Drops the update waiting, if any: what it would draw is gone. */
  cancel(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.task = null
  }

  private arm(): void {
    if (this.timer !== undefined) return
    const now = performance.now()
    const due = Math.min(lastKeyAt + TYPING_PAUSE_MS, this.since + this.longestWaitMs)
    this.timer = setTimeout(() => {
      this.timer = undefined
      const at = performance.now()
      if (at - lastKeyAt >= TYPING_PAUSE_MS || at - this.since >= this.longestWaitMs) this.flush()
      else this.arm()
    }, Math.max(0, due - now))
  }
}
