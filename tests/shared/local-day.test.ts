import { describe, expect, it } from 'vitest'
import { localDay } from '../../src/shared/local-day'

describe('localDay', () => {
  it('gives the calendar day where the writer is, not the UTC one', () => {
    expect(localDay(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31')
    expect(localDay(new Date(2026, 11, 1, 0, 1))).toBe('2026-12-01')
  })
})
