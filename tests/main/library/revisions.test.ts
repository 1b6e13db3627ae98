import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KEPT_REVISIONS, SESSION_QUIET_MS } from '../../../src/main/library/revisions'
import { changeStatus } from '../../../src/main/library/review-status'
import { editor, writer } from '../../shared/review/actors'
import { today } from './review-setup'
import type { Library } from '../../../src/main/library/library'
import { netflixFields, useTempLibrary } from './temp-library'

let library: Library
const session = useTempLibrary((opened) => {
  library = opened
})

describe('revisions', () => {
  it('keeps each changing save as a revision that can be read back', async () => {
    const article = await library.createArticle({ title: 'First' })
    await library.saveArticle(article.id, { title: 'Second' })
    await library.saveArticle(article.id, { title: 'Third' })
    const revisions = await library.listRevisions(article.id)
    expect(revisions.map((r) => [r.kind, r.title])).toEqual([['save', 'Third'], ['save', 'Second'], ['save', 'First']])
    expect((await library.getRevision(article.id, revisions[2]!.id)).title).toBe('First')
  })

  it(`forgets saves beyond the last ${KEPT_REVISIONS} but keeps named snapshots`, async () => {
    const article = await library.createArticle({ title: 'v0' })
    const snapshot = await library.takeSnapshot(article.id, '  Sent to legal  ')
    expect(snapshot).toMatchObject({ kind: 'snapshot', name: 'Sent to legal', title: 'v0' })
    for (let i = 1; i <= KEPT_REVISIONS + 5; i++) await library.saveArticle(article.id, { title: `v${i}` })
    const revisions = await library.listRevisions(article.id)
    const saves = revisions.filter((r) => r.kind === 'save')
    expect(saves).toHaveLength(KEPT_REVISIONS)
    expect(saves[0]!.title).toBe(`v${KEPT_REVISIONS + 5}`)
    expect(revisions.filter((r) => r.kind === 'snapshot').map((r) => r.name)).toEqual(['Sent to legal'])
    expect(await readdir(join(session.dir, 'revisions', article.id))).toHaveLength(KEPT_REVISIONS + 1)
  })

  it('restores an old version as a new revision, keeping the one it replaced', async () => {
    const article = await library.createArticle(netflixFields())
    const original = (await library.listRevisions(article.id))[0]!
    await library.saveArticle(article.id, { title: 'Rewritten', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Short now.' }] }] } })
    const restored = await library.restoreRevision(article.id, original.id)
    expect(restored).toMatchObject({ title: article.title, body: article.body, createdAt: article.createdAt })
    expect(restored.updatedAt > article.updatedAt).toBe(true)
    expect((await library.getArticle(article.id)).body).toEqual(article.body)
    const kinds = (await library.listRevisions(article.id)).map((r) => [r.kind, r.title])
    expect(kinds).toEqual([['restore', article.title], ['save', 'Rewritten'], ['save', article.title]])
  })

  it('answers an unknown or path-like revision id with not-found', async () => {
    const article = await library.createArticle({ title: 'x' })
    for (const revisionId of ['000000000000001-save-abcdef12', '../../articles/x', 'nope']) {
      await expect(library.getRevision(article.id, revisionId)).rejects.toMatchObject({ code: 'not-found' })
    }
  })
})

describe('editing sessions', () => {
  const sessions = useTempLibrary(undefined, { options: {} })
  const minutes = (n: number): number => n * 60_000
  const start = Date.parse('2026-03-02T09:00:00.000Z')
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(start)
  })
  afterEach(() => {
    vi.useRealTimers()
  })
  const saveAt = async (id: string, at: number, title: string, by = writer): Promise<void> => {
    vi.setSystemTime(at)
    await sessions.library.saveArticle(id, { title }, { by })
  }

  it('groups one writer’s autosaves into one revision per quiet period, holding what the session left', async () => {
    const article = await sessions.library.createArticle({ title: 'Draft' })
    // Saves every few seconds, two within the same second: one session.
    for (let i = 1; i <= 16; i++) await saveAt(article.id, start + i * 7_500, `Draft ${i}`)
    await saveAt(article.id, start + 120_000, 'Draft 16b')
    // A pause longer than the quiet period starts another.
    await saveAt(article.id, start + 120_000 + SESSION_QUIET_MS, 'After lunch')
    // Another person's save is a session of its own.
    await saveAt(article.id, start + 120_000 + SESSION_QUIET_MS + minutes(1), 'Edited', editor)

    const revisions = await sessions.library.listRevisions(article.id)
    expect(revisions.map((r) => [r.kind, r.title, r.author, r.saves])).toEqual([
      ['save', 'Edited', 'Sam Ortiz', 1],
      ['save', 'After lunch', 'Hajra Naz', 1],
      ['save', 'Draft 16b', 'Hajra Naz', 17],
      ['save', 'Draft', undefined, 1]
    ])
    expect(revisions[2]).toMatchObject({ createdAt: new Date(start + 7_500).toISOString(), updatedAt: new Date(start + 120_000).toISOString() })
    expect((await sessions.library.getRevision(article.id, revisions[2]!.id)).title).toBe('Draft 16b')
  })

  it('keeps snapshots and status changes as marks of their own, and the next save opens a new session', async () => {
    const article = await sessions.library.createArticle({ title: 'One' })
    await saveAt(article.id, start + 1_000, 'Two')
    await sessions.library.takeSnapshot(article.id, 'Before legal')
    await saveAt(article.id, start + 2_000, 'Three')
    vi.setSystemTime(start + 3_000)
    await changeStatus(sessions.library, { id: article.id, to: 'in-review' }, writer, today)
    await saveAt(article.id, start + 4_000, 'Four')
    expect((await sessions.library.listRevisions(article.id)).map((r) => [r.kind, r.name ?? r.status ?? r.title])).toEqual([
      ['save', 'Four'],
      ['status', 'in-review'],
      ['save', 'Three'],
      ['snapshot', 'Before legal'],
      ['save', 'Two'],
      ['save', 'One']
    ])
  })
})
