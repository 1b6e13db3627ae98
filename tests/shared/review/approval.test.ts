import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { defaultChecklistConfig } from '../../../src/shared/review/checklist-config'
import { runChecklist } from '../../../src/shared/review/checklist'
import { contentDigest, editedSinceApproval } from '../../../src/shared/review/approval'
import { transition } from '../../../src/shared/review/status-workflow'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { editor, writer } from './actors'

const context = { otherSlugs: [], promos: [hostingPromo()], today: '2026-03-01' }
const approved = (): Article => {
  const inReview = transition({ ...netflixArticle(), status: 'draft' }, 'in-review', writer)
  return transition(inReview, 'approved', editor, undefined, runChecklist(inReview, defaultChecklistConfig(), context))
}
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(reversedKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) : value

describe('edited since approval', () => {
  it('is false right after approval and after publishing unchanged text', () => {
    const article = approved()
    expect(editedSinceApproval(article)).toBe(false)
    expect(editedSinceApproval(transition(article, 'published', writer))).toBe(false)
  })

  it('is true once the text or the metadata changed after approval, approved or published', () => {
    const article = approved()
    expect(editedSinceApproval({ ...article, title: `${article.title}!` })).toBe(true)
    expect(editedSinceApproval({ ...article, tags: [...article.tags, 'new'] })).toBe(true)
    const body = structuredClone(article.body)
    body.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'An unapproved line.' }] })
    expect(editedSinceApproval(transition({ ...article, body }, 'published', writer))).toBe(true)
  })

  it('is not an edit when only review data changed or the same content was written with its keys in another order', () => {
    const article = approved()
    expect(editedSinceApproval({ ...article, comments: [] , suggestionDecisions: [] })).toBe(false)
    expect(contentDigest({ ...article, body: reversedKeys(article.body) as Article['body'] })).toBe(contentDigest(article))
  })

  it('says nothing of articles that are not approved, or approved before approvals kept a digest', () => {
    const article = approved()
    const back = transition({ ...article, title: 'Changed' }, 'in-review', writer)
    expect(editedSinceApproval(back)).toBe(false)
    const legacy: Article = { ...article, title: 'Changed', statusHistory: article.statusHistory!.map(({ approvedDigest: _d, ...step }) => step) }
    expect(editedSinceApproval(legacy)).toBe(false)
  })
})
