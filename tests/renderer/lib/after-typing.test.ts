import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AfterTyping as AfterTypingClass } from '../../../src/renderer/src/lib/after-typing'

// The renderer's window, as far as the module uses it: keys are dispatched on it.
const page = new EventTarget()
let AfterTyping: typeof AfterTypingClass
let PAUSE: number
let LONGEST: number

beforeAll(async () => {
  vi.stubGlobal('window', page)
  const module = await import('../../../src/renderer/src/lib/after-typing')
  ;({ AfterTyping, TYPING_PAUSE_MS: PAUSE, LONGEST_WAIT_MS: LONGEST } = module)
})

const key = (): void => void page.dispatchEvent(new Event('keydown'))

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

  it('does not wait longer than its limit for typing that never pauses', () => {
    const waiting = new AfterTyping()
    const ran = vi.fn()
    key()
    waiting.set(ran)
    typeFor(LONGEST - 100)
    expect(ran).not.toHaveBeenCalled()
    typeFor(200)
    expect(ran).toHaveBeenCalledOnce()
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
