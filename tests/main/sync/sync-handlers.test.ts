import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { SavedArticle } from '../../../src/shared/library-api'
import type { SyncStatus } from '../../../src/shared/sync-api'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { FolderGrants } from '../../../src/main/folders/folder-grants'
import { openLibrary, type Library } from '../../../src/main/library/library'
import type { Services } from '../../../src/main/services'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { resolveSyncConflict } from '../../../src/main/library/sync-conflict'
import { syncMerges } from '../../../src/main/sync/merges'
import { forgetConflict } from '../../../src/main/sync/open-conflicts'
import { syncLibrary } from '../../../src/main/sync/sync'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { paragraph } from '../merge/merge-fixtures'
import { gitIn, makeTeam, tomas } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')

/** One person's app: main's handlers over their own settings and library, called through the contract as the window calls them. */
async function desk(dir: string, library: Library) {
  const cancelled = async () => null
  const services: Services = {
    appInfo: { name: 'Copydesk', version: '1.0.0', platform: 'linux', mediaBaseUrl: 'copydesk-media://library/' },
    settings: await openSettingsStore(join(dir, 'user-data')),
    folders: new FolderGrants(),
    library,
    chooseFolder: cancelled,
    chooseSiteFolder: cancelled,
    chooseExportFile: cancelled,
    chooseReviewBundleFile: cancelled
  }
  const handlers = createHandlers(services)
  /** What main sent the window, by channel name. */
  const sent: string[] = []
  const ctx: HandlerContext = { emit: (name) => void sent.push(name) }
  const call = (name: string, payload?: unknown) => dispatch(handlers, name, payload, ctx)
  const value = async <T,>(name: string, payload?: unknown): Promise<T> => {
    const result = await call(name, payload)
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`)
    return result.value as T
  }
  return { library, sent, call, value, status: () => value<SyncStatus>('getSyncStatus'), sync: () => value<SyncStatus>('syncNow') }
}

const bodyOf = (...texts: string[]): Article['body'] => ({ type: 'doc', content: texts.map((text) => paragraph(text)) })
const texts = (article: Article): string[] => (article.body.content ?? []).map((block) => (block.content ?? []).map((t) => t.text).join(''))

describe.skipIf(gitTool.skip)('the sync channels', { timeout: 120_000 }, () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
  })

  /** Two people's apps on two clones of one library, with Copydesk's own merge. */
  async function twoDesks() {
    const team = await makeTeam(2, async (library) => void (await library.createArticle({ title: 'Council budget', body: bodyOf('The council met on Tuesday evening.', 'The vote was close.') })), syncMerges)
    cleanup = team.cleanup
    const [first, second] = team.libraries as [Library, Library]
    const [a, b] = await Promise.all([desk(join(team.dir, 'a'), first), desk(join(team.dir, 'b'), second)])
    return { a, b, id: (await first.listArticles())[0]!.id, dir: team.dir }
  }

  it('share the library, and answer an unreachable remote with a status in plain words, the work committed', async () => {
    const temp = await makeTempDir('copydesk-sync-app-')
    const remote = join(temp.path, 'remote.git')
    await gitIn(temp.path, 'init', '--quiet', '--bare', '--initial-branch=main', remote)
    const library = await openLibrary(join(temp.path, 'library'))
    cleanup = async () => (await library.close(), await temp.cleanup())
    await library.createArticle({ title: 'Council budget' })
    const a = await desk(join(temp.path, 'a'), library)
    expect(await a.status()).toMatchObject({ state: 'not-shared' })
    const shared = await a.value<SyncStatus>('shareLibrary', { remote })
    expect(shared).toMatchObject({ state: 'synced', ahead: 0, behind: 0, lastError: null, lastSyncAt: expect.any(String) })

    await gitIn(library.dir, 'remote', 'set-url', 'origin', join(temp.path, 'gone.git'))
    await library.createArticle({ title: 'Written on the train' })
    const result = await a.call('syncNow')
    expect(result.ok).toBe(true)
    const status = (result as { value: SyncStatus }).value
    expect(status).toMatchObject({ state: 'not-synced', ahead: 1, lastSyncAt: expect.any(String) })
    expect(status.lastError).toBe(`there is no library repository at “${join(temp.path, 'gone.git')}”`)
    expect(await gitIn(library.dir, 'status', '--porcelain')).toBe('')
    expect(await a.status()).toMatchObject({ state: 'not-synced', lastError: status.lastError })
  })

  it('bring an edit made on one clone to the other, through the real merge', async () => {
    const { a, b, id } = await twoDesks()
    await b.library.saveArticle(id, { body: bodyOf('The council met on Tuesday evening.', 'The vote was close: five to four.') })
    await a.library.saveArticle(id, { title: 'Council passes budget' })
    expect(await b.sync()).toMatchObject({ state: 'synced', ahead: 0, behind: 0 })
    expect(await a.sync()).toMatchObject({ state: 'synced', ahead: 0, behind: 0, conflicts: [] })
    expect(await b.sync()).toMatchObject({ state: 'synced', conflicts: [] })
    for (const library of [a.library, b.library]) {
      const merged = await library.getArticle(id)
      expect(merged.title).toBe('Council passes budget')
      expect(texts(merged)).toEqual(['The council met on Tuesday evening.', 'The vote was close: five to four.'])
      expect(merged.syncConflict).toBeUndefined()
    }
  })

  it('flag a true conflict naming the revision that keeps the other words; resolving saves the chosen body and clears the flag for good', async () => {
    const { a, b, id } = await twoDesks()
    await a.library.saveArticle(id, { body: bodyOf('The council met on Thursday evening.', 'The vote was close.') })
    await b.library.saveArticle(id, { body: bodyOf('The council met on Wednesday evening.', 'The vote was close.') })
    await a.sync()
    const merged = await b.sync()
    expect(merged.conflicts).toEqual([expect.objectContaining({ articleId: id, title: 'Council budget' })])
    const flagged = await b.library.getArticle(id)
    expect(texts(flagged)[0]).toBe('The council met on Wednesday evening.')
    expect(flagged.syncConflict).toMatchObject({ revisionId: merged.conflicts[0]!.revisionId, summary: expect.stringMatching(/^Both sides changed/) })
    const other = await b.value<Article>('getRevision', { id, revisionId: flagged.syncConflict!.revisionId })
    expect(texts(other)[0]).toBe('The council met on Thursday evening.')

    // The other clone gets the flagged article and goes on writing elsewhere in it.
    await a.sync()
    expect((await a.library.getArticle(id)).syncConflict).toEqual(flagged.syncConflict)
    await a.library.saveArticle(id, { body: bodyOf('The council met on Wednesday evening.', 'The vote was close, said the clerk.') })

    const resolved = await b.value<SavedArticle>('resolveSyncConflict', { id, revisionId: flagged.syncConflict!.revisionId, body: other.body })
    expect(resolved.article.syncConflict).toBeUndefined()
    expect(texts(resolved.article)[0]).toBe('The council met on Thursday evening.')
    expect((await b.status()).conflicts).toEqual([])
    const again = await b.call('resolveSyncConflict', { id, revisionId: flagged.syncConflict!.revisionId, body: flagged.body })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/has no open sync conflict.*nothing was changed/) } })
    expect(texts(await b.library.getArticle(id))[0]).toBe('The council met on Thursday evening.')

    // The clone still holding the flag merges with the one that cleared it: the flag stays cleared on both.
    await b.sync()
    expect(await a.sync()).toMatchObject({ state: 'synced', conflicts: [] })
    await b.sync()
    for (const library of [a.library, b.library]) {
      const settled = await library.getArticle(id)
      expect(settled.syncConflict).toBeUndefined()
      expect(texts(settled)).toEqual(['The council met on Thursday evening.', 'The vote was close, said the clerk.'])
    }
  })

  it('refuse to settle a conflict other than the one shown, or with a body that is not one, changing nothing', async () => {
    const { a, b, id } = await twoDesks()
    await a.library.saveArticle(id, { body: bodyOf('The council met on Thursday evening.', 'The vote was close.') })
    await b.library.saveArticle(id, { body: bodyOf('The council met on Wednesday evening.', 'The vote was close.') })
    await a.sync()
    await b.sync()
    const flagged = await b.library.getArticle(id)

    expect(await b.call('resolveSyncConflict', { id, revisionId: 'not-the-one-shown', body: bodyOf('Mine.') })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/flagged .* again.*Nothing was changed/) }
    })
    expect(await b.call('resolveSyncConflict', { id, revisionId: flagged.syncConflict!.revisionId, body: { type: 'doc', content: [{ type: 'script' }] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await b.call('resolveSyncConflict', { id, body: bodyOf('Mine.'), syncConflict: { at: flagged.updatedAt, summary: 'Sneaked in.' } })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    // The metadata a resolve may set is what the view offers: the status moves only through the workflow.
    expect(await b.call('resolveSyncConflict', { id, revisionId: flagged.syncConflict!.revisionId, body: flagged.body, fields: { status: 'published' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' }
    })
    expect(await b.library.getArticle(id)).toEqual(flagged)
    const untouched = await a.call('resolveSyncConflict', { id: (await a.library.createArticle({ title: 'Calm' })).id, body: bodyOf('Calm.') })
    expect(untouched).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^“Calm” has no open sync conflict/) } })
  })
  it('show what a sync decided among the library notices: two articles created with one address', async () => {
    const { a, b } = await twoDesks()
    await a.library.createArticle({ title: 'Budget night' })
    await b.library.createArticle({ title: 'Budget night' })
    await b.sync()
    const status = await a.sync()
    const notice = expect.stringMatching(/^“Budget night” now has the address “budget-night-2”/)
    expect(status.notices).toEqual([notice])
    expect(a.library.info().notices).toEqual([notice])
    expect(a.sent).toContain('libraryChanged')
    // b's article, the newer, is the renamed one: b learns it on its next sync, in the same words.
    expect((await b.sync()).notices).toEqual([notice])
    expect(b.library.info().notices).toEqual([notice])
  })

  it('keep a conflict a running sync flags when a resolve of the earlier one is noted meanwhile', async () => {
    const { a, b, id } = await twoDesks()
    await a.library.saveArticle(id, { body: bodyOf('The council met on Thursday evening.', 'The vote was close.') })
    await b.library.saveArticle(id, { body: bodyOf('The council met on Wednesday evening.', 'The vote was close.') })
    await a.sync()
    const first = (await b.sync()).conflicts[0]!
    await a.sync()
    await a.library.saveArticle(id, { body: bodyOf('The council met on Monday evening.', 'The vote was close.') })
    await a.sync()

    // Resolving is two steps: the article is saved, then the conflict is dropped from the sync state.
    // Here a sync starts between the two, and flags the article again against a's newer words.
    await resolveSyncConflict(b.library, { id, revisionId: first.revisionId, body: bodyOf('The council met on Thursday evening.', 'The vote was close.') })
    const happened: string[] = []
    let forgotten: Promise<void> | undefined
    const synced = await syncLibrary(b.library, {
      ...syncMerges,
      author: tomas,
      onStep: (step) => {
        happened.push(step)
        if (step === 'fetched') forgotten ??= forgetConflict(b.library, id, first.revisionId).then(() => void happened.push('forgotten'))
      }
    })
    await forgotten
    happened.push('sync ended')

    const again = (await b.library.getArticle(id)).syncConflict!
    expect(again.revisionId).not.toBe(first.revisionId)
    expect(synced.conflicts.map((conflict) => conflict.revisionId)).toContain(again.revisionId)
    // The note waited for the sync instead of racing its writes to the state…
    expect(happened.indexOf('forgotten')).toBeGreaterThan(happened.indexOf('pushed'))
    // …and dropped only the conflict settled, not the newer one.
    expect((await b.status()).conflicts).toEqual([expect.objectContaining({ articleId: id, revisionId: again.revisionId })])
  })
})
