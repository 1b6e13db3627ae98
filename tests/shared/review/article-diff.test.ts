import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { bodyStats, type BodyNode } from '../../../src/shared/article/body'
import { diffArticles } from '../../../src/shared/review/article-diff'
import type { DiffSection } from '../../../src/shared/review/diff/diff-types'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'

const blocks = (article: Article): BodyNode[] => article.body.content
const faqItems = (article: Article): BodyNode[] => blocks(article).find((n) => n.type === 'faq')!.content!
const setText = (block: BodyNode, text: string): void => {
  block.content = [{ type: 'text', text }]
}
const edited = (change: (article: Article) => void): Article => {
  const article = netflixArticle()
  change(article)
  return article
}
const names = { promoName: (id: string) => (id === hostingPromo().id ? hostingPromo().name : undefined) }
const diff = (after: Article) => diffArticles(netflixArticle(), after, names)
const text = (section: DiffSection, kind: 'added' | 'removed' | 'same') =>
  section.lines.flatMap((l) => l.runs.filter((r) => r.kind === kind).map((r) => r.text.trim()))

describe('readable revision diff', () => {
  it('finds nothing between two copies of the same article', () => {
    expect(diff(netflixArticle())).toEqual({ identical: true, wordsAdded: 0, wordsRemoved: 0, sections: [] })
  })

  it('shows words added and removed in place inside the edited paragraph', () => {
    const after = edited((a) => {
      const quote = blocks(a)[5]!
      setText(quote, quote.content![0]!.text!.replace('a great artist', 'a remarkable artist').replace(' during Tuesday’s earnings call', ''))
    })
    const result = diff(after)
    expect(result.sections).toHaveLength(1)
    const [section] = result.sections
    expect(section).toMatchObject({ kind: 'paragraph', change: 'changed', label: 'Paragraph', summary: '1 word added, 5 removed.' })
    expect(text(section!, 'removed')).toEqual(['great', 'during Tuesday’s earnings call'])
    expect(text(section!, 'added')).toEqual(['remarkable'])
    // Read without the removed words it is the new text; without the added words, the old one.
    const read = (skip: string) => section!.lines[0]!.runs.filter((r) => r.kind !== skip).map((r) => r.text).join('')
    expect(read('removed')).toBe(blocks(after)[5]!.content![0]!.text)
    expect(read('added')).toBe(blocks(netflixArticle())[5]!.content![0]!.text)
    expect(result).toMatchObject({ wordsAdded: 1, wordsRemoved: 5 })
  })

  it('reports a new paragraph and a removed heading as such', () => {
    const after = edited((a) => {
      a.body.content.splice(8, 1)
      a.body.content.splice(2, 0, { type: 'paragraph', content: [{ type: 'text', text: 'Streaming rivals are watching closely.' }] })
    })
    expect(diff(after).sections.map((s) => [s.label, s.change, s.summary])).toEqual([
      ['Paragraph', 'added', 'Paragraph added (5 words).'],
      ['Heading', 'removed', 'Heading removed (4 words).']
    ])
  })

  it('shows a block moved elsewhere as moved, not as removed and added again', () => {
    const after = edited((a) => {
      const [quote] = a.body.content.splice(15, 1)
      a.body.content.splice(12, 0, quote!)
    })
    const sections = diff(after).sections
    expect(sections).toHaveLength(1)
    expect(sections[0]).toMatchObject({ kind: 'quote', change: 'moved', summary: 'Moved up.' })
  })

  it('shows FAQ changes as question and answer edits, additions, removals and reordering', () => {
    const after = edited((a) => {
      const items = faqItems(a)
      setText(items[0]!.content![1]!.content![0]!, 'Netflix uses AI to support creative teams, for example with visual effects.')
      setText(items[1]!.content![0]!, 'What did Ted Sarandos say about AI and creativity?')
      const [moved] = items.splice(2, 1)
      items.push(moved!)
      items.splice(3, 1)
      items.unshift({
        type: 'faqItem',
        content: [
          { type: 'faqQuestion', content: [{ type: 'text', text: 'Does Netflix plan to replace actors with AI?' }] },
          { type: 'faqAnswer', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'No, it says AI is a tool.' }] }] }
        ]
      })
    })
    const sections = diff(after).sections
    expect(sections.every((s) => s.kind === 'faq-item')).toBe(true)
    const summaries = sections.map((s) => `${s.change}: ${s.summary}`)
    expect(summaries).toContain('added: FAQ question added (15 words).')
    const removedWords = bodyStats(faqItems(netflixArticle())[4]!).words
    expect(summaries).toContain(`removed: FAQ question removed (${removedWords} words).`)
    expect(summaries).toContain('moved: Moved from question 3 to question 5.')
    const answerEdit = sections.find((s) => s.summary.startsWith('Answer edited'))!
    expect(answerEdit.lines.map((l) => l.label)).toEqual(['Question', 'Answer'])
    expect(text(answerEdit, 'added').join(' ')).toContain('uses')
    const questionEdit = sections.find((s) => s.summary.startsWith('Question edited'))!
    expect(text(questionEdit, 'removed')).toEqual(['Netflix’s CEO'])
    expect(text(questionEdit, 'added')).toEqual(['Ted Sarandos'])
  })

  it('shows promo slots added, removed and changed by the promo’s name', () => {
    const other = 'a1b2c3d4-spring-sale'
    const withNames = { promoName: (id: string) => (id === other ? 'Spring sale' : names.promoName(id)) }
    const changedPromo = edited((a) => {
      blocks(a)[2]!.attrs = { promoId: other }
    })
    expect(diffArticles(netflixArticle(), changedPromo, withNames).sections).toMatchObject([
      { kind: 'promo', change: 'changed', summary: 'Now shows “Spring sale” instead of “Hosting 75% off”.' }
    ])
    const removed = edited((a) => {
      a.body.content.splice(19, 1)
    })
    expect(diff(removed).sections).toMatchObject([
      { kind: 'promo', change: 'removed', summary: 'Promo slot removed.', lines: [{ runs: [{ kind: 'removed', text: 'Hosting 75% off' }] }] }
    ])
  })

  it('shows metadata as field changes', () => {
    const after = edited((a) => {
      a.title = 'Netflix Bets Big on Generative AI as Hollywood Divides'
      a.status = 'published'
      a.tags = ['AI', 'Netflix', 'Streaming', 'Generative AI']
      a.related = [relatedArticles()[1]!.id]
      a.publishDate = null
      a.featuredImage = { src: 'media/netflix.jpg', alt: 'The Netflix logo' }
    })
    const titles = new Map(relatedArticles().map((r) => [r.id, r.title]))
    const sections = diffArticles(netflixArticle(), after, { articleTitle: (id) => titles.get(id) }).sections
    expect(sections.map((s) => s.summary)).toEqual([
      'Title changed.',
      'Status changed from “Approved” to “Published”.',
      'Tags: “Streaming” added; “Hollywood” removed.',
      `Related articles: “${relatedArticles()[0]!.title}” removed.`,
      'Publish date changed from “2025-10-22” to “(not set)”.',
      'Featured image changed from “(not set)” to “media/netflix.jpg”.'
    ])
    expect(text(sections[0]!, 'added')).toEqual(['as Hollywood'])
    expect(text(sections[0]!, 'removed')).toEqual(['While Entertainment Industry'])
  })

  it('never shows article JSON to the reader', () => {
    const after = edited((a) => {
      a.body.content.splice(3, 4)
      faqItems(a).reverse()
      a.tags = []
    })
    for (const section of diff(after).sections) {
      const shown = [section.label, section.summary, ...section.lines.flatMap((l) => [l.label ?? '', ...l.runs.map((r) => r.text)])].join(' ')
      expect(shown).not.toMatch(/[{}]|"type"|promoId|faqItem/)
    }
  })

  it('calls a change of emphasis or link a formatting change', () => {
    const after = edited((a) => {
      blocks(a)[6]!.content![1]!.marks = []
    })
    expect(diff(after).sections).toMatchObject([
      { kind: 'paragraph', change: 'changed', summary: 'Formatting or links changed; the words are the same.' }
    ])
  })

  it('compares the text as it would be exported: a pending suggestion is not a change until accepted', () => {
    const suggestion = { id: 's1', author: 'Sam Ortiz', role: 'editor', at: '2026-03-02T10:00:00.000Z' }
    const pending = edited((a) => {
      blocks(a)[1]!.content!.push({ type: 'text', text: ' It says so often.', marks: [{ type: 'suggestionInsert', attrs: suggestion }] })
    })
    expect(diff(pending).identical).toBe(true)
    const accepted = edited((a) => {
      blocks(a)[1]!.content![0]!.text += ' It says so often.'
    })
    expect(diffArticles(pending, accepted).sections).toMatchObject([{ kind: 'paragraph', change: 'changed', summary: '4 words added.' }])
  })
})

describe('empty paragraphs', () => {
  it('are not reported as changes, since a reader sees nothing', () => {
    const before = netflixArticle()
    const after = structuredClone(before)
    after.body.content.push({ type: 'paragraph' })
    expect(diffArticles(before, after).sections).toEqual([])
  })
})
