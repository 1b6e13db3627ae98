import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { Library } from '../../../src/main/library/library'
import { writeChecklistConfig } from '../../../src/main/library/review-checklist'
import { changeStatus } from '../../../src/main/library/review-status'
import { editor, writer } from '../../shared/review/actors'
import { useTempLibrary } from './temp-library'
import { moveTo, netflixDraft, today } from './review-setup'

let library: Library
let article: Article
const session = useTempLibrary(async (opened) => {
  library = opened
  article = await netflixDraft(opened)
})

/** The refusal `attempt` ends in, after checking it left the article and its history exactly as they were. */
async function refusedWithoutChange(attempt: () => Promise<unknown>): Promise<{ code: string; message: string; details?: string[] }> {
  const before = await library.getArticle(article.id)
  const revisions = await library.listRevisions(article.id)
  const error = await attempt().then(
    () => {
      throw new Error('the library accepted it')
    },
    (e: unknown) => e as { code: string; message: string; details?: string[] }
  )
  expect(await library.getArticle(article.id)).toEqual(before)
  expect(await library.listRevisions(article.id)).toEqual(revisions)
  return error
}

describe('status workflow in the library', () => {
  it('records every step with who, when and why, and the list filters by the new status', async () => {
    await changeStatus(library, { id: article.id, to: 'in-review', note: 'Ready for a read.' }, writer, today)
    await changeStatus(library, { id: article.id, to: 'changes-requested', note: 'Cut the second quote.' }, editor, today)
    await moveTo(library, article.id, ['in-review'])
    const approved = await changeStatus(library, { id: article.id, to: 'approved' }, editor, today)

    expect(approved.status).toBe('approved')
    expect(approved.statusHistory?.map((step) => [step.from, step.to, step.by.name, step.note])).toEqual([
      ['draft', 'in-review', 'Hajra Naz', 'Ready for a read.'],
      ['in-review', 'changes-requested', 'Sam Ortiz', 'Cut the second quote.'],
      ['changes-requested', 'in-review', 'Hajra Naz', undefined],
      ['in-review', 'approved', 'Sam Ortiz', undefined]
    ])
    for (const step of approved.statusHistory!) expect(Date.parse(step.at)).toBeGreaterThanOrEqual(Date.parse(article.createdAt))
    expect((await library.listArticles({ status: 'approved' })).map((hit) => hit.id)).toEqual([article.id])
    expect(await library.listArticles({ status: 'draft' })).toEqual([])
    // Each step is a revision, so the history panel and the diff can show it.
    expect((await library.listRevisions(article.id)).map((r) => [r.kind, r.status, r.author])).toEqual([
      ['status', 'approved', 'Sam Ortiz'],
      ['status', 'in-review', 'Hajra Naz'],
      ['status', 'changes-requested', 'Sam Ortiz'],
      ['status', 'in-review', 'Hajra Naz'],
      ['save', undefined, undefined]
    ])
  })

  it('works by slug, as the command line names articles', async () => {
    const moved = await changeStatus(library, { id: article.slug, to: 'in-review' }, writer, today)
    expect(moved).toMatchObject({ id: article.id, status: 'in-review' })
  })

  it('refuses steps the workflow does not allow, in plain words, changing nothing', async () => {
    const skip = await refusedWithoutChange(() => changeStatus(library, { id: article.id, to: 'published' }, editor, today))
    expect(skip).toMatchObject({ code: 'invalid-input', message: 'An article that is “Draft” cannot go to “Published”; it can go to “In review”.' })

    await moveTo(library, article.id, ['in-review'])
    const writerApproves = await refusedWithoutChange(() => changeStatus(library, { id: article.id, to: 'approved' }, writer, today))
    expect(writerApproves.message).toBe('Only an editor can move an article to “Approved”; your profile says you are a writer.')
  })

  it('refuses to approve an article failing the library’s checklist unless a note says why, and records the override', async () => {
    await writeChecklistConfig(library.dir, { minimumWords: { min: 5000 } })
    await moveTo(library, article.id, ['in-review'])

    const refused = await refusedWithoutChange(() => changeStatus(library, { id: article.id, to: 'approved' }, editor, today))
    expect(refused.message).toBe('The article fails one checklist item (word count). To approve it anyway, write a note saying why.')
    expect(refused.details).toEqual([expect.stringMatching(/^The article has \d+ words; it needs at least 5000\.$/)])
    await refusedWithoutChange(() => changeStatus(library, { id: article.id, to: 'approved', note: '   ' }, editor, today))

    const approved = await changeStatus(library, { id: article.id, to: 'approved', note: 'A news piece; short is right.' }, editor, today)
    expect(approved.statusHistory?.at(-1)).toMatchObject({
      to: 'approved',
      by: editor,
      note: 'A news piece; short is right.',
      overriddenChecks: ['word-count']
    })
  })

  it('checks the article as the library has it on the day: a promo that has ended fails approval', async () => {
    const { promo } = (await library.listPromos())[0]!
    const { id, createdAt: _c, updatedAt: _u, ...input } = promo
    await library.savePromo({ ...input, activeUntil: '2026-02-28' }, id)
    await moveTo(library, article.id, ['in-review'])
    const refused = await refusedWithoutChange(() => changeStatus(library, { id: article.id, to: 'approved' }, editor, today))
    expect(refused.message).toContain('(promos current)')
    expect(refused.details).toEqual(['The promo “Hosting 75% off” ended on 2026-02-28: choose another promo or remove the slot.'])
  })
})

describe('status and saving', () => {
  it('refuses a save that would change the status, pointing to changeStatus, and saves nothing of it', async () => {
    const refused = await refusedWithoutChange(() => library.saveArticle(article.id, { status: 'approved', dek: 'A new dek' }))
    expect(refused).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('changeStatus') })
    expect(refused.message).toContain('Nothing was saved')
  })

  it('still saves an article whose unchanged status comes along with other fields', async () => {
    const saved = await library.saveArticle(article.id, { status: 'draft', dek: 'A new dek' })
    expect(saved).toMatchObject({ status: 'draft', dek: 'A new dek' })
  })
})

describe('status history', () => {
  it('is stored in the article file and survives reopening, an index rebuild, the trash and restoring a revision', async () => {
    const firstRevision = (await library.listRevisions(article.id)).at(-1)!
    const approved = await moveTo(library, article.id, ['in-review', 'approved'])
    const history = approved.statusHistory
    expect(history).toHaveLength(2)

    await session.reopen()
    expect((await session.library.getArticle(article.id)).statusHistory).toEqual(history)

    await rm(join(session.dir, 'copydesk-library.json'))
    await rm(join(session.dir, 'copydesk-library.journal'), { force: true })
    library = await session.reopen()
    expect(library.info().notices).toEqual([expect.stringContaining('rebuilt')])
    expect((await library.listArticles({ status: 'approved' })).map((hit) => hit.id)).toEqual([article.id])
    expect((await library.getArticle(article.id)).statusHistory).toEqual(history)

    await library.trashArticle(article.id)
    expect((await library.restoreArticle(article.id)).statusHistory).toEqual(history)

    // Bringing back the first draft's text does not rewind the review: the status and its history stay.
    const restored = await library.restoreRevision(article.id, firstRevision.id)
    expect(restored).toMatchObject({ status: 'approved', statusHistory: history })
    expect((await library.getRevision(article.id, firstRevision.id)).status).toBe('draft')
  })
})
