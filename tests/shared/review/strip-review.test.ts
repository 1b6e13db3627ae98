import { describe, expect, it } from 'vitest'
import { type BodyDoc } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { hasReviewMarks, stripReview } from '../../../src/shared/review/strip-review'
import { netflixArticle } from '../../fixtures/netflix'
import { editor } from './actors'
import { ReviewSession } from './review-session'

const reviewed = () =>
  new ReviewSession(netflixArticle(), editor)
    .replace('utilizes', 'uses')
    .replace('overall ', '')
    .replace('Instead, ', 'Rather, ')
    .comment('helpful tool', 'Fair?')
    .done()

describe('stripReview: the body every export must use', () => {
  it('leaves out pending insertions, keeps words suggested for deletion and drops comment anchors', () => {
    const body = reviewed().body
    expect(hasReviewMarks(body)).toBe(true)
    const exported = stripReview(body)
    expect(hasReviewMarks(exported)).toBe(false)
    expect(toProseMirror(exported).eq(toProseMirror(netflixArticle().body))).toBe(true)
    const json = JSON.stringify(exported)
    expect(json).not.toMatch(/suggestion|comment|threadId/)
    expect(json).toContain('Netflix utilizes AI')
    expect(json).not.toContain('Rather')
  })

  it('returns a body without review marks as it was', () => {
    const body = netflixArticle().body
    expect(stripReview(body)).toBe(body)
  })

  it('does not change the body it is given', () => {
    const body = reviewed().body
    const copy = structuredClone(body) as BodyDoc
    stripReview(body)
    expect(body).toEqual(copy)
  })
})
