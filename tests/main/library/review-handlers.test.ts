import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { SavedArticle, SearchHit } from '../../../src/shared/library-api'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { editor, writer } from '../../shared/review/actors'
import { ReviewSession } from '../../shared/review/review-session'
import { useHandlerServices } from './handler-services'
import { netflixDraft } from './review-setup'

let emitted: string[]
let bundleFile: string | null
const ctx: HandlerContext = { emit: (name) => emitted.push(name) }
const env = useHandlerServices({ chooseReviewBundleFile: async () => bundleFile, chooseFolder: async () => join(env.dir, 'Editor library') })
beforeEach(() => {
  emitted = []
  bundleFile = null
})

const call = (name: string, payload?: unknown) => dispatch(createHandlers(env.services), name, payload, ctx)
const value = <T>(result: Awaited<ReturnType<typeof call>>): T => {
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}
const signIn = (profile: typeof writer) => call('updateSettings', { profile })

describe('review channels', () => {
  it('refuse to sign anything before there is a profile, then sign with the one set through settings', async () => {
    const article = await netflixDraft(env.services.library)
    expect(await call('changeStatus', { id: article.id, to: 'in-review' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^Set up your profile first/) }
    })
    expect(await call('exportReviewBundle', { ids: [article.id] })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Set up your profile/) } })
    expect((await env.services.library.getArticle(article.id)).status).toBe('draft')

    await signIn(writer)
    expect(value<SavedArticle>(await call('changeStatus', { id: article.id, to: 'in-review', note: 'Ready.' })).article.statusHistory).toEqual([
      { from: 'draft', to: 'in-review', by: writer, at: expect.any(String), note: 'Ready.' }
    ])
    // The profile switches, as on a shared machine: the next step is signed by the editor.
    await signIn(editor)
    const approved = value<SavedArticle>(await call('changeStatus', { id: article.id, to: 'approved' }))
    expect(approved.article.statusHistory?.at(-1)).toMatchObject({ to: 'approved', by: editor })
    // The sidebar puts this row in place of the article's: it must be the one the library now lists.
    expect({ ...approved.summary, excerpt: '' }).toEqual(value<SearchHit[]>(await call('listArticles', {})).find((hit) => hit.id === article.id))
  })

  it('refuse a status sent with a save, and keep the status history out of what the renderer can write', async () => {
    const article = await netflixDraft(env.services.library)
    expect(await call('saveArticle', { id: article.id, changes: { status: 'published' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('changeStatus') }
    })
    const forged = [{ from: 'draft', to: 'approved', by: editor, at: '2026-03-02T10:00:00.000Z' }]
    const saved = value<SavedArticle>(await call('saveArticle', { id: article.id, changes: { dek: 'New dek', statusHistory: forged } }))
    expect(saved.article).toMatchObject({ dek: 'New dek', status: 'draft' })
    expect((await env.services.library.getArticle(article.id)).statusHistory).toBeUndefined()
  })

  it('let a save carry the comment threads and suggestions made in the editor, keeping earlier decisions', async () => {
    const article = await netflixDraft(env.services.library)
    const reviewed = new ReviewSession(article, editor).replace('utilizes', 'uses').comment('helpful tool', 'Why “tool”?').done()
    const decision = { id: 'earlier-decision', decision: 'rejected', by: writer, at: '2026-03-01T10:00:00.000Z', suggestedBy: 'Sam Ortiz', inserted: 'x', deleted: '' }
    value(await call('saveArticle', { id: article.id, changes: { body: reviewed.body, comments: reviewed.comments, suggestionDecisions: [decision] } }))
    // An older copy in the editor that knows no decisions does not erase them.
    value(await call('saveArticle', { id: article.id, changes: { suggestionDecisions: [] } }))
    const stored = await env.services.library.getArticle(article.id)
    expect(stored.comments?.map((t) => t.messages[0]?.text)).toEqual(['Why “tool”?'])
    expect(stored.body).toEqual(reviewed.body)
    expect(stored.suggestionDecisions?.map((d) => d.id)).toEqual(['earlier-decision'])
  })

  it('export a bundle where the save dialog says, or nothing when it is cancelled, and import it elsewhere', async () => {
    const article = await netflixDraft(env.services.library)
    await signIn(writer)
    expect(await call('exportReviewBundle', { ids: [article.id] })).toEqual({ ok: true, value: null })

    bundleFile = join(env.dir, 'for-sam.json')
    expect(await call('exportReviewBundle', { ids: [article.id] })).toEqual({ ok: true, value: { path: bundleFile } })
    const text = await readFile(bundleFile, 'utf8')
    expect(JSON.parse(text)).toMatchObject({ kind: 'copydesk-review-bundle', createdBy: writer, articles: [{ article: { id: article.id } }] })

    value(await call('openLibrary', {}))
    emitted = []
    const report = value<{ articles: unknown[] }>(await call('importReviewBundle', { text }))
    expect(report.articles).toEqual([{ id: article.id, title: article.title, outcome: 'added' }])
    expect(emitted).toEqual(['libraryChanged'])
    expect(await call('importReviewBundle', { text: 'not a bundle' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'This file is not a Copydesk review bundle: it is not JSON.' }
    })
  })

  it('read and change the checklist settings of the open library, and run its checklist', async () => {
    const article = await netflixDraft(env.services.library)
    expect(value<{ minimumWords: { min: number } }>(await call('getChecklistConfig')).minimumWords.min).toBe(300)
    expect(value(await call('setChecklistConfig', { config: { minimumWords: { min: 5000 } } }))).toMatchObject({ minimumWords: { min: 5000 } })
    const result = value<{ passed: boolean; items: { id: string; ok: boolean }[] }>(await call('getChecklist', { id: article.id }))
    expect(result.passed).toBe(false)
    expect(result.items.filter((item) => !item.ok).map((item) => item.id)).toEqual(['word-count'])
    expect(await call('setChecklistConfig', { config: { minimumWords: { min: -1 } } })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(value<{ minimumWords: { min: number } }>(await call('getChecklistConfig')).minimumWords.min).toBe(5000)
  })

  it('diff a revision against the current article', async () => {
    const article = await netflixDraft(env.services.library)
    // A named snapshot, as the save right after creating it joins the creation's editing session.
    const before = await env.services.library.takeSnapshot(article.id, 'Before the dek')
    await env.services.library.saveArticle(article.id, { dek: 'Netflix sees AI as a tool for creative teams.' })
    const diff = value<{ sections: { field?: string; summary: string }[] }>(await call('diffRevisions', { id: article.id, from: before.id, to: 'current' }))
    expect(diff.sections).toMatchObject([{ field: 'dek', summary: 'Dek changed.' }])
  })
})
