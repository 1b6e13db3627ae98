import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as AfterTypingModule from '../../../src/renderer/src/lib/after-typing'

// The renderer's window, as far as the module uses it: keys are dispatched on it, and frames are drawn when the test says.
const page = new EventTarget()
const frameCallbacks = new Map<number, () => void>()
let nextFrame = 0
const reported: unknown[] = []
let AfterTyping: typeof AfterTypingModule.AfterTyping
let drawWithNextKey: typeof AfterTypingModule.drawWithNextKey
let cancelDraw: typeof AfterTypingModule.cancelDraw
let PAUSE: number
let LONGEST: number

beforeAll(async () => {
  vi.stubGlobal('window', page)
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => (frameCallbacks.set(++nextFrame, run), nextFrame))
  vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
  const module = await import('../../../src/renderer/src/lib/after-typing')
  ;({ AfterTyping, drawWithNextKey, cancelDraw, TYPING_PAUSE_MS: PAUSE, LONGEST_WAIT_MS: LONGEST } = module)
})

const key = (): void => void page.dispatchEvent(new Event('keydown'))

/** The browser draws a frame: the animation-frame callbacks asked for run. */
function frame(): void {
  const runs = [...frameCallbacks.values()]
  frameCallbacks.clear()
  for (const run of runs) run()
}

/** Presses a key every `every` ms for `during` ms. */
function typeFor(during: number, every = 60): void {
  for (let t = 0; t < during; t += every) {
    key()
    vi.advanceTimersByTime(every)
  }
}

describe('updates that wait for a pause in typing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs at once when nobody is typing', () => {
    const waiting = new AfterTyping()
    const ran = vi.fn()
    vi.advanceTimersByTime(PAUSE)
    waiting.set(ran)
    vi.advanceTimersByTime(0)
    expect(ran).toHaveBeenCalledOnce()
  })

  it('waits while keys come, runs once they pause, and only the newest update', () => {
    const waiting = new AfterTyping()
    const ran: string[] = []
    key()
    waiting.set(() => ran.push('first'))
    typeFor(2000)
    waiting.set(() => ran.push('second'))
    typeFor(2000)
    key()
    expect(ran).toEqual([])
    vi.advanceTimersByTime(PAUSE - 1)
    expect(ran).toEqual([])
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['second'])
  })

  // The default for the autosave's answer; 2 s for the word count, which should follow the text.
  it.each([
    ['its default limit', undefined],
    ['the limit it is given', 2000]
  ])('does not wait longer than %s for typing that never pauses', (_, limit) => {
    const waiting = new AfterTyping(limit)
    const longest = limit ?? LONGEST
    const ran = vi.fn()
    key()
    waiting.set(ran)
    typeFor(longest - 100)
    expect(ran).not.toHaveBeenCalled()
    typeFor(200)
    expect(ran).toHaveBeenCalledOnce()
  })

  it('never runs an update cancelled while it waited', () => {
    const waiting = new AfterTyping()
    const ran = vi.fn()
    key()
    waiting.set(ran)
    waiting.cancel()
    vi.advanceTimersByTime(LONGEST)
    waiting.flush()
    expect(ran).not.toHaveBeenCalled()
  })

  it('runs what waits at once on flush, and not again', () => {
    const waiting = new AfterTyping()
    const ran = vi.fn()
    key()
    waiting.set(ran)
    waiting.flush()
    expect(ran).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(LONGEST)
    expect(ran).toHaveBeenCalledOnce()
  })
})

describe('small changes drawn with the next key while people type', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    vi.advanceTimersByTime(LONGEST)
    frame()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('draws at once when nobody is typing', () => {
    const draw = vi.fn()
    drawWithNextKey(draw)
    expect(draw).toHaveBeenCalledOnce()
  })

  it('while keys come, draws in the frame of the next key, once however often it was asked', () => {
    let shown = ''
    let count = 1
    const draw = (): void => void (shown = `${count} words`)
    key()
    frame()
    // Asked for once the key was handled and drawn: the word count's timer, an autosave's answer.
    vi.advanceTimersByTime(20)
    drawWithNextKey(draw)
    count = 2
    drawWithNextKey(draw)
    vi.advanceTimersByTime(50)
    frame()
    expect(shown).toBe('')
    key()
    expect(shown).toBe('')
    frame()
    expect(shown).toBe('2 words')
  })

  it('asks for no frame at a key when nothing waits to be drawn', () => {
    key()
    expect(frameCallbacks.size).toBe(0)
    vi.advanceTimersByTime(20)
    drawWithNextKey(vi.fn())
    expect(frameCallbacks.size).toBe(0)
    key()
    expect(frameCallbacks.size).toBe(1)
    frame()
  })

  it("draws what a key's own handling asked for in that key's frame", () => {
    const draw = vi.fn()
    key()
    drawWithNextKey(draw)
    expect(draw).not.toHaveBeenCalled()
    frame()
    expect(draw).toHaveBeenCalledOnce()
  })

  it('draws once typing pauses when no key comes, and not again at the next key', () => {
    const draw = vi.fn()
    key()
    frame()
    drawWithNextKey(draw)
    vi.advanceTimersByTime(PAUSE - 1)
    expect(draw).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(draw).toHaveBeenCalledOnce()
    key()
    frame()
    expect(draw).toHaveBeenCalledOnce()
  })

  it('draws the others of a frame when one throws, and reports its error as an uncaught one', () => {
    const failure = new Error('the status bar is gone')
    const drawn = vi.fn()
    key()
    drawWithNextKey(() => {
      throw failure
    })
    drawWithNextKey(drawn)
    frame()
    expect(drawn).toHaveBeenCalledOnce()
    expect(reported).toEqual([failure])
  })

  it('never runs a draw cancelled while it waited', () => {
    const draw = vi.fn()
    key()
    frame()
    drawWithNextKey(draw)
    cancelDraw(draw)
    key()
    frame()
    vi.advanceTimersByTime(LONGEST)
    expect(draw).not.toHaveBeenCalled()
  })
})
