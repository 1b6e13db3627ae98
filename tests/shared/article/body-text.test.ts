import { describe, expect, it } from 'vitest'
import { bodyStats, bodyText, countWords, type BodyDoc } from '../../../src/shared/article/body'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const body = (...texts: string[]): BodyDoc => ({ type: 'doc', content: texts.map(paragraph) })

describe('a body’s text and words', () => {
  it('counts words block by block as in the whole text: contractions, decimals and hyphenated words are one word, blocks never share one', () => {
    const doc: BodyDoc = {
      type: 'doc',
      content: [
        paragraph('It’s 3.5 times the well-known figure —'),
        { type: 'paragraph', content: [{ type: 'text', text: 'split' }, { type: 'hardBreak' }, { type: 'text', text: 'line' }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('cell one')] }, { type: 'tableCell', content: [paragraph('two')] }] }] }
      ]
    }
    expect(bodyStats(doc)).toEqual({ words: 11, readingMinutes: 1 })
    expect(countWords(bodyText(doc))).toBe(11)
    expect(bodyStats(body('  ', '')).words).toBe(0)
  })

  it('gives only the first lines when asked for a few characters, enough for them once white space is collapsed', () => {
    const doc = body('First   line\twith  gaps', 'second line', 'third line', 'fourth')
    expect(bodyText(doc)).toBe('First   line\twith  gaps\nsecond line\nthird line\nfourth')
    // "First line with gaps" is 20 characters collapsed: a few more need the next line, and no more.
    expect(bodyText(doc, 25)).toBe('First   line\twith  gaps\nsecond line')
    expect(bodyText(doc, 10)).toBe('First   line\twith  gaps')
    expect(bodyText(doc, 1000)).toBe(bodyText(doc))
  })
})
