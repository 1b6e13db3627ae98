import { describe, expect, it } from 'vitest'
import { articleSchema } from '../../../src/shared/article/article'
import { bodyText } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { decideInArticle } from '../../../src/shared/review/article-suggestions'
import { findSuggestions } from '../../../src/shared/review/find-suggestions'
import { netflixArticle } from '../../fixtures/netflix'
import { editor, writer } from './actors'
import { ReviewSession } from './review-session'

const reviewed = () => new ReviewSession(netflixArticle(), editor).replace('utilizes', 'uses').replace('overall ', '').done()
const idOf = (article: ReturnType<typeof reviewed>, deleted: string) =>
  findSuggestions(toProseMirror(article.body)).find((s) => s.deleted === deleted)!.id

describe('deciding suggestions in a stored article', () => {
  it('accepts one suggestion and records who decided whose suggestion', () => {
    const article = reviewed()
    const id = idOf(article, 'utilizes')
    const decided = decideInArticle(article, 'accept', id, writer, '2026-03-05T09:00:00.000Z')
    expect(bodyText(decided.body)).toContain('Netflix uses AI')
    expect(findSuggestions(toProseMirror(decided.body)).map((s) => s.deleted)).toEqual(['overall '])
    expect(decided.suggestionDecisions).toEqual([
      { id, decision: 'accepted', by: writer, at: '2026-03-05T09:00:00.000Z', suggestedBy: 'Sam Ortiz', inserted: 'uses', deleted: 'utilizes' }
    ])
    expect(articleSchema.parse(decided)).toEqual(decided)
  })

  it('rejects all at once', () => {
    const decided = decideInArticle(reviewed(), 'reject', 'all', writer)
    expect(bodyText(decided.body)).toBe(bodyText(netflixArticle().body))
    expect(decided.suggestionDecisions?.map((d) => d.decision)).toEqual(['rejected', 'rejected'])
  })

  it('says so when the suggestion was already decided', () => {
    const article = reviewed()
    const id = idOf(article, 'utilizes')
    const decided = decideInArticle(article, 'accept', id, writer)
    expect(() => decideInArticle(decided, 'reject', id, writer)).toThrow(
      'This suggestion is no longer in the article; someone may have accepted or rejected it already.'
    )
  })
})
