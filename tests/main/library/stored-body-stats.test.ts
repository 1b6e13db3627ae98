import { describe, expect, it } from 'vitest'
import { bodyStats } from '../../../src/shared/article/body'
import { storedBodyStats } from '../../../src/main/library/stored-body-stats'
import { faqHeavyBody } from '../../bench/synthetic-articles'

describe('a stored body’s word count', () => {
  it('is the body’s own count, FAQ questions and answers included', () => {
    const body = faqHeavyBody('promo-1')
    expect(storedBodyStats(body)).toEqual(bodyStats(body))
    expect(storedBodyStats(body).words).toBeGreaterThan(10_000)
  })

  it('is counted once per body, and a new body is counted anew', () => {
    const body = faqHeavyBody('promo-1')
    expect(storedBodyStats(body)).toBe(storedBodyStats(body))
    const shorter = { ...body, content: body.content.slice(0, 1) }
    expect(storedBodyStats(shorter).words).toBeLessThan(storedBodyStats(body).words)
    expect(storedBodyStats(shorter)).toEqual(bodyStats(shorter))
  })
})
