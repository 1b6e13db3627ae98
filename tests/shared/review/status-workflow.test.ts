import { describe, expect, it } from 'vitest'
import { articleSchema, articleStatuses, type Article } from '../../../src/shared/article/article'
import { UserError } from '../../../src/shared/ipc/result'
import { defaultChecklistConfig } from '../../../src/shared/review/checklist-config'
import { runChecklist } from '../../../src/shared/review/checklist'
import { contentDigest } from '../../../src/shared/review/approval'
import { nextStatuses, transition } from '../../../src/shared/review/status-workflow'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { editor, writer } from './actors'

const draft = (): Article => ({ ...netflixArticle(), status: 'draft' })
const context = { otherSlugs: [], promos: [hostingPromo()], today: '2026-03-01' }
const passing = (article: Article) => runChecklist(article, defaultChecklistConfig(), context)

function refusal(run: () => unknown): UserError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('expected a refusal')
}

describe('status workflow', () => {
  it('takes an article from draft to published, recording who moved it, when and why', () => {
    let article = draft()
    article = transition(article, 'in-review', writer, 'Ready for a read', undefined, '2026-03-01T09:00:00.000Z')
    article = transition(article, 'changes-requested', editor, 'Tighten the intro', undefined, '2026-03-01T10:00:00.000Z')
    article = transition(article, 'in-review', writer, undefined, undefined, '2026-03-01T11:00:00.000Z')
    article = transition(article, 'approved', editor, undefined, passing(article), '2026-03-01T12:00:00.000Z')
    article = transition(article, 'published', writer, undefined, undefined, '2026-03-01T13:00:00.000Z')
    expect(article.status).toBe('published')
    expect(article.statusHistory).toEqual([
      { from: 'draft', to: 'in-review', by: writer, at: '2026-03-01T09:00:00.000Z', note: 'Ready for a read' },
      { from: 'in-review', to: 'changes-requested', by: editor, at: '2026-03-01T10:00:00.000Z', note: 'Tighten the intro' },
      { from: 'changes-requested', to: 'in-review', by: writer, at: '2026-03-01T11:00:00.000Z' },
      { from: 'in-review', to: 'approved', by: editor, at: '2026-03-01T12:00:00.000Z', approvedDigest: contentDigest(article) },
      { from: 'approved', to: 'published', by: writer, at: '2026-03-01T13:00:00.000Z' }
    ])
    // The recorded history is part of a valid article file.
    expect(articleSchema.parse(article)).toEqual(article)
  })

  it('lets an article go back: withdrawn from review, approval reopened, unpublished', () => {
    const inReview = transition(draft(), 'in-review', writer)
    expect(transition(inReview, 'draft', writer).status).toBe('draft')
    const approved = transition(inReview, 'approved', editor, undefined, passing(inReview))
    expect(transition(approved, 'in-review', writer).status).toBe('in-review')
    const published = transition(approved, 'published', editor)
    expect(transition(published, 'draft', editor).status).toBe('draft')
  })

  it('refuses a jump the workflow does not allow, in plain words, and changes nothing', () => {
    const article = draft()
    const error = refusal(() => transition(article, 'published', editor))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toBe('An article that is “Draft” cannot go to “Published”; it can go to “In review”.')
    expect(article.status).toBe('draft')
    expect(article.statusHistory).toBeUndefined()
    expect(refusal(() => transition(article, 'draft', writer)).message).toBe('The article is already “Draft”.')
  })

  it('leaves approving and requesting changes to editors', () => {
    const inReview = transition(draft(), 'in-review', writer)
    expect(refusal(() => transition(inReview, 'approved', writer, undefined, passing(inReview))).message).toBe(
      'Only an editor can move an article to “Approved”; your profile says you are a writer.'
    )
    expect(refusal(() => transition(inReview, 'changes-requested', writer)).message).toMatch(/Only an editor/)
    expect(nextStatuses('in-review', 'writer')).toEqual(['draft'])
    expect(nextStatuses('in-review', 'editor')).toEqual(['changes-requested', 'approved', 'draft'])
  })

  it('offers every status a way forward or back', () => {
    for (const status of articleStatuses) expect(nextStatuses(status, 'editor').length).toBeGreaterThan(0)
  })

  it('asks for the checklist before approving', () => {
    const inReview = transition(draft(), 'in-review', writer)
    expect(refusal(() => transition(inReview, 'approved', editor)).message).toBe('Run the pre-export checklist before approving the article.')
  })

  it('refuses to approve an article that fails the checklist unless a note says why, and records the override', () => {
    const inReview = transition({ ...draft(), description: 'Too short.' }, 'in-review', writer)
    const result = passing(inReview)
    expect(result.passed).toBe(false)
    const error = refusal(() => transition(inReview, 'approved', editor, '   ', result))
    expect(error.message).toBe(
      'The article fails one checklist item (description length). To approve it anyway, write a note saying why.'
    )
    expect(error.details).toEqual(['The description has 10 characters; it should be between 50 and 160 characters.'])

    const approved = transition(inReview, 'approved', editor, ' Breaking news: the description follows. ', result)
    expect(approved.status).toBe('approved')
    expect(approved.statusHistory?.at(-1)).toMatchObject({
      to: 'approved',
      by: editor,
      note: 'Breaking news: the description follows.',
      overriddenChecks: ['description-length']
    })
  })

  it('refuses a note too long to keep', () => {
    expect(refusal(() => transition(draft(), 'in-review', writer, 'x'.repeat(2001))).message).toMatch(/note is too long/)
  })
})
