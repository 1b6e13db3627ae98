import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEPT_REVISIONS } from '../../../src/main/library/revisions'
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
