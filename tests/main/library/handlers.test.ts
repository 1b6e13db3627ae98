import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import type { ImportReport, OpenedArticle, SavedArticle, SavedEdit, SearchHit } from '../../../src/shared/library-api'
import { tinyPng } from '../site-export/fixture-library'
import type { SettingsView } from '../../../src/shared/settings'
import { useHandlerServices } from './handler-services'
import { netflixFields } from './temp-library'

let emitted: { name: string; payload: unknown }[]
let chosen: string | null
const ctx: HandlerContext = { emit: (name, payload) => emitted.push({ name, payload }) }
const env = useHandlerServices({ chooseFolder: async () => chosen })
beforeEach(() => {
  emitted = []
  chosen = null
})

const call = (name: string, payload?: unknown) => dispatch(createHandlers(env.services), name, payload, ctx)

describe('library channels', () => {
  it('create, save and list articles through the contract', async () => {
    const created = await call('createArticle', { title: 'Via IPC' })
    expect(created).toMatchObject({ ok: true, value: { title: 'Via IPC', slug: 'via-ipc' } })
    const id = (created as { value: { id: string } }).value.id
    // The status stays as created: saving never changes it.
    const { status: _status, ...fields } = netflixFields()
    await call('saveArticle', { id, changes: fields })
    const listed = await call('listArticles', { query: 'deepfakes' })
    expect(listed).toMatchObject({ ok: true, value: [{ id, words: expect.any(Number) }] })
  })

  it('answers a save with the stored article and the very row the library now lists for it', async () => {
    const { value: created } = (await call('createArticle', { title: 'Draft' })) as { value: { id: string } }
    const { status: _status, ...fields } = netflixFields()
    const saved = await call('saveArticle', { id: created.id, changes: fields })
    const listed = await call('listArticles', {})
    if (!saved.ok || !listed.ok) throw new Error('the save or the list failed')
    const { article, summary } = saved.value as SavedArticle
    expect(article).toMatchObject({ id: created.id, title: fields.title, tags: fields.tags })
    expect({ ...summary, excerpt: '' }).toEqual((listed.value as SearchHit[]).find((hit) => hit.id === created.id))
    expect(summary.words).toBeGreaterThan(100)
  })

  it('answers a restored revision with the article and the row the library now lists for it', async () => {
    const { value: created } = (await call('createArticle', { title: 'First title' })) as { value: { id: string } }
    const snapshot = await call('takeSnapshot', { id: created.id, name: 'Before the rename' })
    await call('saveArticle', { id: created.id, changes: { title: 'Second title' } })
    if (!snapshot.ok) throw new Error(snapshot.error.message)
    const restored = await call('restoreRevision', { id: created.id, revisionId: (snapshot.value as { id: string }).id })
    const listed = await call('listArticles', {})
    if (!restored.ok || !listed.ok) throw new Error('the restore or the list failed')
    const { article, summary } = restored.value as SavedArticle
    expect(article.title).toBe('First title')
    expect({ ...summary, excerpt: '' }).toEqual((listed.value as SearchHit[]).find((hit) => hit.id === created.id))
  })

  it('answers a bad save with a code and plain words, and writes nothing', async () => {
    const { value } = (await call('createArticle', {})) as { value: { id: string; updatedAt: string } }
    const result = await call('saveArticle', { id: value.id, changes: { body: { type: 'doc', content: [{ type: 'faq' }] } } })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not valid') } })
    expect(await call('getArticle', { id: value.id })).toMatchObject({ ok: true, value: { updatedAt: value.updatedAt } })
  })

  it('saves a body sent as its changed blocks over the body it was made for, and refuses it, writing nothing, over any other', async () => {
    const { value: created } = (await call('createArticle', { title: 'Blocks' })) as { value: { id: string } }
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    const body = { type: 'doc', content: [paragraph('One.'), paragraph('Two.'), paragraph('Three.')] }
    const first = await call('saveArticle', { id: created.id, changes: { body } })
    if (!first.ok) throw new Error(first.error.message)
    const base = (first.value as SavedEdit).bodyFingerprint

    const typed = { base, from: 1, remove: 1, insert: { type: 'doc', content: [paragraph('Two and a half.')] } }
    const patched = await call('saveArticle', { id: created.id, changes: {}, bodyPatch: typed })
    if (!patched.ok) throw new Error(patched.error.message)
    const expected = { type: 'doc', content: [paragraph('One.'), paragraph('Two and a half.'), paragraph('Three.')] }
    // The editor holds the body it sent: the answer leaves it out.
    expect(patched.value).toMatchObject({ body: null, article: { title: 'Blocks' } })
    expect((patched.value as SavedEdit).article).not.toHaveProperty('body')
    expect((await call('getArticle', { id: created.id })) as { value: { body: unknown } }).toMatchObject({ value: { body: expected } })

    // The same splice again names a body the library no longer has.
    const stale = await call('saveArticle', { id: created.id, changes: { title: 'Renamed' }, bodyPatch: { ...typed, insert: { type: 'doc', content: [] } } })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Nothing was saved') } })
    const past = await call('saveArticle', { id: created.id, changes: {}, bodyPatch: { base: (patched.value as SavedEdit).bodyFingerprint, from: 3, remove: 1, insert: { type: 'doc', content: [] } } })
    expect(past).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const both = await call('saveArticle', { id: created.id, changes: { body }, bodyPatch: typed })
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(await call('getArticle', { id: created.id })).toMatchObject({ ok: true, value: { title: 'Blocks', body: expected } })
  })

  it('opens an article for the editor with its body’s fingerprint, which the first save’s changed blocks build on; a file changed on disk since the last save is read again, and the splice refused', async () => {
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    const body = { type: 'doc' as const, content: [paragraph('One.'), paragraph('Two.')] }
    const { value: created } = (await call('createArticle', { title: 'Opened' })) as { value: { id: string } }
    await env.services.library.saveArticle(created.id, { body })
    const opened = await call('openArticle', { id: created.id })
    if (!opened.ok) throw new Error(opened.error.message)
    const { article, bodyFingerprint } = opened.value as OpenedArticle
    expect(article.body).toEqual(body)

    const typed = { base: bodyFingerprint, from: 1, remove: 1, insert: { type: 'doc', content: [paragraph('Two, typed.')] } }
    const first = await call('saveArticle', { id: created.id, changes: {}, bodyPatch: typed })
    if (!first.ok) throw new Error(first.error.message)
    expect(first.value).toMatchObject({ body: null })
    expect(await call('getArticle', { id: created.id })).toMatchObject({ value: { body: { content: [paragraph('One.'), paragraph('Two, typed.')] } } })

    // Someone rewrites the file (a sync tool, a hand edit): the next splice names a body the file no longer holds.
    const file = env.services.library.paths.article(created.id)
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { body: { content: unknown[] } }
    await writeFile(file, JSON.stringify({ ...onDisk, body: { type: 'doc', content: [paragraph('Rewritten elsewhere.')] } }))
    const next = { base: (first.value as SavedEdit).bodyFingerprint, from: 1, remove: 1, insert: { type: 'doc', content: [paragraph('Two, typed on.')] } }
    expect(await call('saveArticle', { id: created.id, changes: {}, bodyPatch: next })).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('merges a body sent with the one it was edited from into a library copy that moved on: both edits land, and where both changed the same words the sent ones stay, the library’s kept as a revision', async () => {
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    const doc = (...texts: string[]) => ({ type: 'doc' as const, content: texts.map(paragraph) })
    const { value: created } = (await call('createArticle', { title: 'Merged' })) as { value: { id: string } }
    const base = doc('The council met on Tuesday.', 'The vote was close.')
    await env.services.library.saveArticle(created.id, { body: base })
    // A sync brings a teammate's edit of the first paragraph while this editor typed in the second.
    await env.services.library.saveArticle(created.id, { body: doc('The council met on Monday.', 'The vote was close.') })
    const ours = doc('The council met on Tuesday.', 'The vote was close: 5 to 4.')
    const saved = await call('saveArticle', { id: created.id, changes: {}, bodyMerge: { base, ours } })
    if (!saved.ok) throw new Error(saved.error.message)
    const merged = doc('The council met on Monday.', 'The vote was close: 5 to 4.')
    expect(saved.value).toMatchObject({ body: merged })
    expect((saved.value as SavedEdit).article.syncConflict).toBeUndefined()
    expect(await call('getArticle', { id: created.id })).toMatchObject({ ok: true, value: { body: merged } })

    // Sent again with nothing new from elsewhere: stored as sent, and the answer says so.
    const again = await call('saveArticle', { id: created.id, changes: {}, bodyMerge: { base: merged, ours: doc('The council met on Monday.', 'The vote was close: 5 to 4!') } })
    expect(again).toMatchObject({ ok: true, value: { body: null } })

    // A save without the body names the one the editor holds: left out while it is the stored one, sent once it is not.
    const { bodyFingerprint: held } = (again as { value: SavedEdit }).value
    expect(await call('saveArticle', { id: created.id, changes: { dek: 'Short.' }, bodyKnown: held })).toMatchObject({ ok: true, value: { body: null } })
    await env.services.library.saveArticle(created.id, { body: doc('The council met on Monday.', 'The vote was close: 5 to 4!', 'From the CLI.') })
    expect(await call('saveArticle', { id: created.id, changes: { dek: 'Shorter.' }, bodyKnown: held })).toMatchObject({ ok: true, value: { body: { content: [{}, {}, paragraph('From the CLI.')] } } })

    // The same words changed both ways: the sent words stay, flagged, and the library's are a named revision.
    await env.services.library.saveArticle(created.id, { body: doc('The council met on Wednesday.', 'The vote was close: 5 to 4!') })
    const clash = await call('saveArticle', { id: created.id, changes: {}, bodyMerge: { base: doc('The council met on Monday.', 'The vote was close: 5 to 4!'), ours: doc('The council met on Friday.', 'The vote was close: 5 to 4!') } })
    if (!clash.ok) throw new Error(clash.error.message)
    const flagged = (clash.value as SavedEdit).article
    expect(clash.value).toMatchObject({ body: null })
    expect(await call('getArticle', { id: created.id })).toMatchObject({ value: { body: doc('The council met on Friday.', 'The vote was close: 5 to 4!') } })
    expect(flagged.syncConflict).toMatchObject({ summary: 'Both sides changed a paragraph.', revisionId: expect.any(String) })
    const other = await call('getRevision', { id: created.id, revisionId: flagged.syncConflict!.revisionId })
    expect(other).toMatchObject({ ok: true, value: { body: doc('The council met on Wednesday.', 'The vote was close: 5 to 4!') } })

    // One body per save, one way.
    expect(await call('saveArticle', { id: created.id, changes: {}, bodyMerge: { base, ours }, bodyPatch: { base: 'x', from: 0, remove: 0, insert: doc() } })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })

  it('opens the library the user picked in the dialog, remembers it and tells the renderer', async () => {
    const other = join(env.dir, 'Other')
    chosen = other
    const result = await call('openLibrary', {})
    expect(result).toMatchObject({ ok: true, value: { path: other, articleCount: 0 } })
    expect(await call('getAppInfo')).toMatchObject({ ok: true, value: { libraryPath: other, mediaBaseUrl: 'copydesk-media://library/' } })
    expect(env.services.settings.get()).toMatchObject({ lastLibrary: other, recentLibraries: [other] })
    expect(emitted).toEqual([{ name: 'libraryChanged', payload: expect.objectContaining({ path: other }) }])
  })

  it('does nothing if the user cancels the dialog', async () => {
    const before = env.services.library.dir
    expect(await call('openLibrary', {})).toEqual({ ok: true, value: null })
    expect(env.services.library.dir).toBe(before)
  })

  it('opens a recent library by the handle the settings gave the renderer', async () => {
    const first = env.services.library.dir
    chosen = join(env.dir, 'Second')
    await call('openLibrary', {})
    const settings = await call('getSettings')
    if (!settings.ok) throw new Error(settings.error.message)
    const recent = (settings.value as SettingsView).recentLibraries
    expect(recent.map((folder) => folder.path)).toEqual([chosen])
    await env.services.settings.update({ recentLibraries: [chosen, first] })
    const again = (await call('getSettings')) as { value: SettingsView }
    const firstRef = again.value.recentLibraries.find((folder) => folder.path === first)!
    expect(await call('openLibrary', { folder: firstRef.handle })).toMatchObject({ ok: true, value: { path: first } })
    expect(env.services.library.dir).toBe(first)
  })

  it('refuses to turn a folder full of other files into a library', async () => {
    const busy = join(env.dir, 'Documents')
    await mkdir(busy)
    await writeFile(join(busy, 'taxes.pdf'), 'x')
    chosen = busy
    const before = env.services.library.dir
    expect(await call('openLibrary', {})).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not empty') } })
    expect(env.services.library.dir).toBe(before)
  })

  it('imports a picked or dropped post with the images beside it, when the file at the path the renderer names holds the bytes it sent', async () => {
    const post = join(env.dir, 'posts', 'trains')
    await mkdir(post, { recursive: true })
    await writeFile(join(post, 'train.png'), tinyPng)
    const text = '---\ntitle: Trains\n---\n\n![A train](train.png)\n'
    await writeFile(join(post, 'index.md'), text)
    // The post as picked, then paths the renderer may name whose file holds other bytes, or none, and the right path
    // with bytes edited since. Sent in one call, as a drop of several files is: each file's path is checked on its own,
    // and one import thread reads them all (a thread costs about half a second of CPU to start).
    const sent: { path: string; content?: string }[] = [
      { path: join(post, 'index.md') },
      ...[join(post, 'train.png'), join(post, 'gone.md'), 'index.md'].map((path) => ({ path })),
      { path: join(post, 'index.md'), content: `${text}\nEdited since.\n` }
    ]
    const answer = await call('importFiles', { files: sent.map(({ path, content = text }) => ({ name: 'index.md', content: Buffer.from(content), path })) })
    if (!answer.ok) throw new Error(answer.error.message)
    const report = answer.value as ImportReport
    expect(report.failed).toEqual([])
    expect(report.imported).toHaveLength(sent.length)
    const [picked, ...untrusted] = await Promise.all(
      report.imported.map(async (done) => {
        const article = await env.services.library.getArticle(done.id)
        return { src: article.body.content?.find((node) => node.type === 'image')?.attrs?.['src'], warnings: done.warnings }
      })
    )

    expect(picked!.src).toMatch(/^media\/[0-9a-f]+-train\.png$/)
    expect(await readFile(join(env.services.library.dir, String(picked!.src)))).toEqual(tinyPng)
    expect(picked!.warnings).toEqual([])
    // A path whose file holds other bytes, or none, is not trusted: the image keeps its address, and the import still happens.
    expect(untrusted.map(({ src }) => src)).toEqual(Array<string>(sent.length - 1).fill('train.png'))
  })
})
