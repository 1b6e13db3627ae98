import { describe, expect, it } from 'vitest'
import { bodyStats, bodyText } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { fixtureArticles, hostingPromo, netflixArticle } from '../../fixtures/netflix'

describe('the Netflix fixture article', () => {
  it('is a valid article whose body fits the editor schema', () => {
    for (const article of fixtureArticles()) expect(() => toProseMirror(article.body)).not.toThrow()
  })

  it('has the sample’s headings, FAQ of five questions and two promo slots', () => {
    const article = netflixArticle()
    const doc = toProseMirror(article.body)
    const types: string[] = []
    doc.descendants((node) => {
      types.push(node.type.name)
    })
    expect(types.filter((t) => t === 'heading')).toHaveLength(4)
    expect(types.filter((t) => t === 'faqItem')).toHaveLength(5)
    expect(types.filter((t) => t === 'blockquote').length).toBeGreaterThan(0)
    const slots: unknown[] = []
    doc.descendants((node) => {
      if (node.type.name === 'promoSlot') slots.push(node.attrs['promoId'])
    })
    expect(slots).toEqual([hostingPromo().id, hostingPromo().id])
    expect(bodyText(article.body)).toContain('What is Sora 2, and why is it controversial?')
  })

  it('derives a word count and reading time from the body, FAQ included', () => {
    const { words, readingMinutes } = bodyStats(netflixArticle().body)
    expect(words).toBeGreaterThan(550)
    expect(words).toBeLessThan(750)
    expect(readingMinutes).toBe(Math.round(words / 238))
  })
})
