import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hostingPromo } from '../../fixtures/netflix'
import { openLibrary } from '../../../src/main/library/library'
import { shareLibrary } from '../../../src/main/sync/share-library'
import { syncLibrary, syncStatus } from '../../../src/main/sync/sync'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { oursWinsMerge } from './ours-wins-merge'
import { gitIn, hajra, makeTeam, tomas, type Team } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')
const cachePattern = /^(copydesk-library\.(json|journal|search|lock)|damaged\/|site-export-cache\/)/

describe.skipIf(gitTool.skip)('sync through git', { timeout: 120_000 }, () => {
  let team: Team
  afterEach(() => team?.cleanup())

  it('shares a library: the clone opens with its articles, and no cache is ever committed', async () => {
    team = await makeTeam(2, async (library) => {
      await library.createArticle({ title: 'Budget night' })
      await library.searchReady()
    })
    const [, clone] = team.libraries
    expect((await clone!.listArticles()).map((hit) => hit.title)).toEqual(['Budget night'])
    expect((await clone!.listArticles({ query: 'budget' })).map((hit) => hit.title)).toEqual(['Budget night'])
    const committed = (await gitIn(team.remote, 'ls-tree', '-r', '--name-only', 'main')).split('\n').filter(Boolean)
    expect(committed).toContain('.gitignore')
    expect(committed.some((path) => path.startsWith('articles/'))).toBe(true)
    expect(committed.filter((path) => cachePattern.test(path))).toEqual([])
    expect((await gitIn(team.remote, 'log', '-1', '--format=%an', 'main')).trim()).toBe('Hajra Naz')
  })

  it('lands edits to different articles made on two clones, and articles added on each', async () => {
    team = await makeTeam(2, async (library) => {
      await library.createArticle({ title: 'One' })
      await library.createArticle({ title: 'Two' })
    })
    const [a, b] = team.libraries as [typeof team.libraries[0], typeof team.libraries[0]]
    const idOf = async (title: string) => (await a.listArticles()).find((hit) => hit.title === title)!.id
    await a.saveArticle(await idOf('One'), { dek: 'Edited on A' })
    await b.saveArticle(await idOf('Two'), { dek: 'Edited on B' })
    await a.createArticle({ title: 'Added on A' })
    await b.createArticle({ title: 'Added on B' })

    expect((await team.sync(b, tomas)).state).toBe('synced')
    const statusA = await team.sync(a)
    expect(statusA).toMatchObject({ state: 'synced', ahead: 0, behind: 0, lastError: null, conflicts: [] })
    expect((await team.sync(b, tomas)).state).toBe('synced')

    for (const library of [a, b]) {
      expect((await library.listArticles({ sort: 'title' })).map((hit) => hit.title)).toEqual(['Added on A', 'Added on B', 'One', 'Two'])
      expect((await library.getArticle(await idOf('One'))).dek).toBe('Edited on A')
      expect((await library.getArticle(await idOf('Two'))).dek).toBe('Edited on B')
      expect(await gitIn(library.dir, 'status', '--porcelain')).toBe('')
    }
    // Different files never reach the article merge: git's tree merge is enough for them.
    expect(team.merge.articleCalls).toEqual([])
    const reopened = await openLibrary(a.dir, 'existing')
    expect(reopened.info().notices).toEqual([])
    await reopened.close()
  })

  it('sends an article deleted on one side and edited on the other to the merge, and applies what it decides', async () => {
    team = await makeTeam(2, async (library) => void (await library.createArticle({ title: 'Contested' })))
    const [a, b] = team.libraries as [typeof team.libraries[0], typeof team.libraries[0]]
    const id = (await a.listArticles())[0]!.id
    await a.trashArticle(id)
    await b.saveArticle(id, { dek: 'Still needed' })
    await team.sync(b, tomas)
    const status = await team.sync(a)

    expect(team.merge.articleCalls).toHaveLength(1)
    expect(team.merge.articleCalls[0]).toMatchObject({ base: { id, dek: '' }, ours: undefined, theirs: { id, dek: 'Still needed' } })
    expect(status.notices).toContain('test double: “Contested” was edited on one side, so it stays')
    expect((await a.getArticle(id)).dek).toBe('Still needed')
    expect(await a.listTrash()).toEqual([])
    expect(await readdir(join(a.dir, 'trash'))).toEqual([])
    await team.sync(b, tomas)
    expect((await b.getArticle(id)).dek).toBe('Still needed')
    expect(await b.listTrash()).toEqual([])
  })

  it('keeps the losing side of a conflict as a named revision in the merge commit and lists it as open', async () => {
    team = await makeTeam(2, async (library) => void (await library.createArticle({ title: 'Shared draft' })))
    const [a, b] = team.libraries as [typeof team.libraries[0], typeof team.libraries[0]]
    const id = (await a.listArticles())[0]!.id
    await a.saveArticle(id, { title: 'Title from A' })
    await b.saveArticle(id, { title: 'Title from B' })
    await team.sync(b, tomas)
    const status = await team.sync(a)

    expect(status.conflicts).toEqual([expect.objectContaining({ articleId: id, title: 'Title from A', summary: 'test double: both changed it' })])
    expect((await a.getArticle(id)).title).toBe('Title from A')
    const named = (await a.listRevisions(id)).filter((revision) => revision.name)
    expect(named).toEqual([expect.objectContaining({ id: status.conflicts[0]!.revisionId, kind: 'snapshot', name: 'Conflict: test double: both changed it' })])
    expect((await a.getRevision(id, named[0]!.id)).title).toBe('Title from B')
    expect((await syncStatus(a)).conflicts).toHaveLength(1)

    await team.sync(b, tomas)
    expect((await b.getArticle(id)).title).toBe('Title from A')
    expect((await b.getRevision(id, named[0]!.id)).title).toBe('Title from B')
  })

  it('merges promos.json through the promo merge, never line by line', async () => {
    team = await makeTeam(2)
    const [a, b] = team.libraries as [typeof team.libraries[0], typeof team.libraries[0]]
    const { id: _id, createdAt: _c, updatedAt: _u, ...promo } = hostingPromo()
    await a.savePromo({ ...promo, name: 'Promo from A' })
    await b.savePromo({ ...promo, name: 'Promo from B' })
    await team.sync(b, tomas)
    await team.sync(a)
    await team.sync(b, tomas)

    expect(team.merge.promoCalls).toHaveLength(1)
    expect(team.merge.promoCalls[0]!.ours!.map((p) => p.name)).toEqual(['Promo from A'])
    expect(team.merge.promoCalls[0]!.theirs!.map((p) => p.name)).toEqual(['Promo from B'])
    for (const library of [a, b]) expect((await library.listPromos()).map(({ promo: p }) => p.name)).toEqual(['Promo from A', 'Promo from B'])
    expect(await readFile(join(a.dir, 'promos.json'), 'utf8')).not.toMatch(/^(<<<<<<<|>>>>>>>)/m)
  })

  it('commits local work and says why in plain words when the remote cannot be reached', async () => {
    const temp = await makeTempDir('copydesk-sync-offline-')
    const library = await openLibrary(join(temp.path, 'library'))
    team = { cleanup: async () => (await library.close(), await temp.cleanup()) } as Team
    await shareLibrary(library, hajra, join(temp.path, 'no-such-remote.git'))
    await library.createArticle({ title: 'Written on the train' })
    const merge = oursWinsMerge()

    const missing = await syncLibrary(library, { ...merge, author: hajra })
    expect(missing).toMatchObject({ state: 'not-synced', lastSyncAt: null, ahead: 2 })
    expect(missing.lastError).toBe(`there is no library repository at “${join(temp.path, 'no-such-remote.git')}”`)
    expect(await gitIn(library.dir, 'status', '--porcelain')).toBe('')
    expect(await gitIn(library.dir, 'log', '--format=%an', '-1')).toBe('Hajra Naz\n')

    await gitIn(library.dir, 'remote', 'set-url', 'origin', 'https://127.0.0.1:9/desk/library.git')
    const refused = await syncLibrary(library, { ...merge, author: hajra })
    expect(refused.state).toBe('not-synced')
    expect(refused.lastError).toBe('the remote “https://127.0.0.1:9/desk/library.git” could not be reached (are you offline?)')
    expect((await syncStatus(library)).lastError).toBe(refused.lastError)
  })
})
