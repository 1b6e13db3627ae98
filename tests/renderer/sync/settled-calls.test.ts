import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { settledCalls } from '../../../src/renderer/src/sync/settled-calls'

describe('the sync status read after library changes', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs once for a burst of changes (a save per keystroke burst), after the burst settles, and again for a later change', () => {
    let reads = 0
    const changes = settledCalls(() => reads++, 1_500)
    for (let save = 0; save < 40; save++) {
      changes.poke()
      vi.advanceTimersByTime(500)
    }
    expect(reads).toBe(0)
    vi.advanceTimersByTime(1_000)
    expect(reads).toBe(1)
    changes.poke()
    vi.advanceTimersByTime(1_500)
    expect(reads).toBe(2)
  })

  it('reads nothing once cancelled (the window closed or the library switched)', () => {
    let reads = 0
    const changes = settledCalls(() => reads++, 1_500)
    changes.poke()
    changes.cancel()
    vi.runAllTimers()
    expect(reads).toBe(0)
  })
})
