import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchHit } from '../../../src/shared/library-api'
import type { Library } from '../../../src/main/library/library'
import { articleFingerprint, fingerprintMatches, promoInputs, type FingerprintInputs } from '../../../src/main/site-export/render-cache'
import { makeTempDir } from '../../support/temp-dir'
import { fixtureLibrary } from './fixture-library'

/**
 * Re-exports check each cached article's fingerprint piece by piece instead
 * of building it: the check must agree with the string exactly, or an
 * article whose inputs changed would be skipped.
 */
let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let summaries: SearchHit[]
let inputs: FingerprintInputs

beforeAll(async () => {
  temp = await makeTempDir('copydesk-fingerprint-')
  library = await fixtureLibrary(join(temp.path, 'library'))
  summaries = await library.listArticles()
  const promos = promoInputs(await library.promoList(), '2025-11-01')
  const [summary, ...others] = summaries
  inputs = {
    summary: summary!,
    promoIds: [...promos.keys(), 'promo-no-longer-there'],
    related: [...others.map((other) => other.id), 'article-no-longer-there'],
    promos,
    summaries: new Map(summaries.map((hit) => [hit.id, hit]))
  }
})
afterAll(async () => {
  await library.close()
  await temp.cleanup()
})

describe('checking a cached fingerprint', () => {
  it('matches the fingerprint the same inputs give', () => {
    expect(summaries.length).toBeGreaterThan(2)
    expect(inputs.promoIds.length).toBeGreaterThan(1)
    for (const summary of summaries) {
      const these = { ...inputs, summary }
      expect(fingerprintMatches(articleFingerprint(these), these)).toBe(true)
    }
    const bare = { ...inputs, promoIds: [], related: [] }
    expect(fingerprintMatches(articleFingerprint(bare), bare)).toBe(true)
  })

  it('refuses a fingerprint that is longer, shorter or differs anywhere', () => {
    const fingerprint = articleFingerprint(inputs)
    expect(fingerprintMatches(`${fingerprint}x`, inputs)).toBe(false)
    expect(fingerprintMatches(fingerprint.slice(0, -1), inputs)).toBe(false)
    expect(fingerprintMatches('', inputs)).toBe(false)
    for (const index of [0, 30, fingerprint.indexOf('\0promo') + 8, fingerprint.indexOf('\0related') + 12, fingerprint.length - 3]) {
      const changed = `${fingerprint.slice(0, index)}${fingerprint[index] === 'z' ? 'y' : 'z'}${fingerprint.slice(index + 1)}`
      expect(fingerprintMatches(changed, inputs)).toBe(false)
    }
  })

  it('refuses the fingerprint of other inputs: an edit, another promo state, links in another order or renamed', () => {
    const fingerprint = articleFingerprint(inputs)
    const [first, second] = inputs.related
    const linked = inputs.summaries.get(first!)!
    const variants: FingerprintInputs[] = [
      { ...inputs, summary: { ...inputs.summary, updatedAt: '2030-01-01T00:00:00.000Z' } },
      { ...inputs, promos: new Map([...inputs.promos].map(([id]) => [id, 'another state'])) },
      { ...inputs, related: [second!, first!, ...inputs.related.slice(2)] },
      { ...inputs, related: inputs.related.slice(1) },
      { ...inputs, summaries: new Map([...inputs.summaries, [first!, { ...linked, title: `${linked.title} (renamed)` }]]) }
    ]
    for (const variant of variants) {
      expect(articleFingerprint(variant)).not.toBe(fingerprint)
      expect(fingerprintMatches(fingerprint, variant)).toBe(false)
    }
  })
})
