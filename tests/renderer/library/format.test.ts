import { describe, expect, it } from 'vitest'
import { formatUpdated } from '../../../src/renderer/src/library/format'

// Noon, local time, so a date a few hours away stays on the same local day whatever the machine's time zone.
const now = new Date(2026, 5, 15, 12, 0)
const iso = (year: number, month: number, day: number, hour = 12): string => new Date(year, month, day, hour).toISOString()

describe('formatUpdated writes a list row\'s date as the system writes a short date', () => {
  it('gives today\'s edits their time of day', () => {
    const today = new Date(2026, 5, 15, 9, 30)
    expect(formatUpdated(today.toISOString(), now)).toBe(today.toLocaleTimeString(undefined, { timeStyle: 'short' }))
  })

  it('gives this year\'s edits the day and month, without the year', () => {
    const date = iso(2026, 1, 3)
    expect(formatUpdated(date, now)).toBe(new Date(date).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }))
    expect(formatUpdated(date, now)).not.toContain('2026')
  })

  it('adds the year for edits of another year, and the formatter chosen follows each date, not the one before it', () => {
    const older = iso(2024, 10, 28)
    const recent = iso(2026, 0, 2)
    expect(formatUpdated(older, now)).toBe(new Date(older).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }))
    expect(formatUpdated(older, now)).toContain('2024')
    expect(formatUpdated(recent, now)).not.toContain('2026')
  })

  it('writes nothing for a date it cannot read', () => {
    expect(formatUpdated('not a date', now)).toBe('')
  })
})
