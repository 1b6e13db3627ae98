import { expect } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { bodyText, type BodyNode } from '../../../src/shared/article/body'
import { checkArticle } from '../../../src/main/library/article-rules'
import { mergeArticle } from '../../../src/main/merge'
import type { ArticleMergeResult, ThreeWay } from '../../../src/main/merge'

export const paragraph = (...runs: (string | [string, string[]])[]): BodyNode => ({
  type: 'paragraph',
  content: runs.map((run) =>
    typeof run === 'string' ? { type: 'text', text: run } : { type: 'text', text: run[0], marks: run[1].map((type) => ({ type })) }
  )
})

/** A small article as the library writes it: a heading and four paragraphs. */
export function baseArticle(): Article {
  return checkArticle({
    formatVersion: 1,
    id: 'a1b2c3d4-merge-test',
    slug: 'coffee-prices-rise',
    slugLocked: false,
    title: 'Coffee prices rise',
    dek: 'Growers blame the weather.',
    authors: ['Ana Ruiz'],
    status: 'draft',
    tags: ['coffee', 'markets'],
    category: 'Business',
    description: 'Why a cup costs more this year.',
    featuredImage: null,
    publishDate: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    related: [],
    body: {
      type: 'doc',
      content: [
        paragraph('The price of arabica beans rose sharply in March.'),
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What growers say' }] },
        paragraph('Farmers in Brazil reported a dry winter and small harvests.'),
        paragraph('Roasters expect prices to stay high until next year.'),
        paragraph('Shoppers may see the change on shelves by summer.')
      ]
    }
  })
}

let clock = Date.parse('2026-02-01T00:00:00.000Z')
/** A copy changed by `change`, saved a moment later, as a save would. */
export function edited(article: Article, change: (draft: Article) => void): Article {
  const draft = structuredClone(article)
  change(draft)
  draft.updatedAt = new Date((clock += 1000)).toISOString()
  return checkArticle(draft)
}

export const blockTexts = (article: Article): string[] => article.body.content.map((block) => bodyText(block))

/** Merges and checks what every merge must give: an article the library accepts, and a conflict only with the other side whole. */
export function merged(sides: ThreeWay<Article>): ArticleMergeResult {
  const result = mergeArticle(sides)
  if (result.article) expect(() => checkArticle(result.article)).not.toThrow()
  if (result.conflict) {
    expect(result.conflict.other).toEqual(result.conflict.kept === 'ours' ? sides.theirs : sides.ours)
    expect(result.article?.syncConflict?.summary).toBe(result.conflict.summary)
  }
  return result
}
