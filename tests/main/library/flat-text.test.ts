import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { excerptFromFlat, flatText } from '../../../src/main/library/search-index'

// Every character `\s` matches, and a few that look like white space but are not.
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
const NOT_SPACES = ['\u200b', '\u180e', '\u0085', 'a', 'É', 'ß', '–', '😀', 'x']
const texts = fc.array(fc.oneof(fc.constantFrom(...SPACES, ...NOT_SPACES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''))

/** excerptAround as it was, flattening with a regular expression at every quote: the reference. */
function excerptBefore(text: string, terms: string[], width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const lower = flat.toLowerCase()
  const positions = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at >= 0)
  const at = positions.length ? Math.min(...positions) : 0
  let start = Math.max(0, at - Math.floor(width / 3))
  let end = Math.min(flat.length, start + width)
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}

describe('flat text', () => {
  it('is what collapsing white space with a regular expression and trimming gives, for any text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(flatText(text)).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      { numRuns: 5000 }
    )
  })

  it('quotes from a flattened text what the quoting from the raw text did before', () => {
    const words = fc.constantFrom('river', 'Pangolin', 'straße', 'ÉTÉ', 'a')
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.constantFrom(...SPACES)), { maxLength: 120 }), fc.array(words, { maxLength: 3 }), fc.integer({ min: 10, max: 60 }), (parts, terms, width) => {
        const text = parts.join('')
        expect(excerptFromFlat(flatText(text), terms, width)).toBe(excerptBefore(text, terms, width))
      }),
      { numRuns: 2000 }
    )
  })
})
