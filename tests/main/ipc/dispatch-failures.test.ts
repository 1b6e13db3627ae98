import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { BodyNode } from '../../../src/shared/article/body'
import type { IpcResult } from '../../../src/shared/ipc/result'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { openLibrary } from '../../../src/main/library/library'
import { changeStatus } from '../../../src/main/library/review-status'
import { useHandlerServices } from '../library/handler-services'
import { plainWordsProblem } from '../../support/plain-words'

const ctx: HandlerContext = { emit: () => undefined }
let chosenFile: string | null = null
const env = useHandlerServices({ chooseExportFile: async () => chosenFile, chooseReviewBundleFile: async () => chosenFile })
const call = (name: string, payload?: unknown): Promise<IpcResult<unknown>> => dispatch(createHandlers(env.services), name, payload, ctx)

async function article(): Promise<Article> {
  const created = await call('createArticle', { title: 'Streaming wars' })
  if (!created.ok) throw new Error(created.error.message)
  return created.value as Article
}

/** `depth` blocks, each inside the one before, around one paragraph. */
function nested(type: 'blockquote' | 'bulletList', depth: number): { type: 'doc'; content: BodyNode[] } {
  let node: BodyNode = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] }
  for (let i = 0; i < depth; i++) node = type === 'blockquote' ? { type, content: [node] } : { type, content: [{ type: 'listItem', content: [node] }] }
  return { type: 'doc', content: [node] }
}

const expectPlainFailure = (result: IpcResult<unknown>): void => {
  expect(result.ok, 'the request should be refused').toBe(false)
  if (!result.ok) expect(plainWordsProblem(result.error.message)).toBeNull()
}

describe('every IPC failure is a plain answer', () => {
  it('answers a body nested past any stack in plain words, and keeps the article as it was', async () => {
    const { id, body } = await article()
    // Depths the audit found: 1,619 quotes made invoke reject, 1,500 gave a raw error, lists failed from 750.
    for (const deep of [nested('blockquote', 1619), nested('blockquote', 1500), nested('bulletList', 750), nested('blockquote', 20_000)]) {
      const result = await call('saveArticle', { id, changes: { body: deep } })
      expectPlainFailure(result)
      expect(result.ok ? '' : result.error.message).toMatch(/nested more than \d+ levels/)
    }
    expect((await env.services.library.getArticle(id)).body).toEqual(body)
  })

  it('answers a payload that holds itself (structured clone carries cycles) in plain words', async () => {
    const cyclic: Record<string, unknown> = { title: 'Loop' }
    cyclic['self'] = cyclic
    for (const [name, payload] of [['createArticle', cyclic], ['updateSettings', { profile: cyclic }], ['listArticles', [cyclic]]] as const) {
      expectPlainFailure(await call(name, payload))
    }
  })

  it('bounds an article at 100 levels and 600,000 parts, checked before anything recursive runs', async () => {
    const { id } = await article()
    // 98 quotes around a paragraph: its text is the 100th level.
    const deepest = nested('blockquote', 98)
    expect(await call('saveArticle', { id, changes: { body: deepest } })).toMatchObject({ ok: true })
    expect((await env.services.library.getArticle(id)).body).toEqual(deepest)

    const tooDeep = await call('saveArticle', { id, changes: { body: nested('blockquote', 99) } })
    expectPlainFailure(tooDeep)
    expect(tooDeep).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/more than 100 levels deep.*Nothing was changed\.$/) } })

    // The audit's million empty paragraphs took 13.5 s of main-process work and were then kept.
    const million = { type: 'doc', content: Array.from({ length: 1_000_000 }, () => ({ type: 'paragraph' })) }
    const huge = await call('saveArticle', { id, changes: { body: million } })
    expectPlainFailure(huge)
    expect(huge).toMatchObject({ ok: false, error: { message: expect.stringContaining('more than 600,000 parts') } })
    expect((await env.services.library.getArticle(id)).body).toEqual(deepest)
  })

  it('answers the ten cases that returned raw text in plain words', async () => {
    const { id, title } = await article()
    await call('updateSettings', { profile: { name: 'Sam Ortiz', role: 'editor' } })
    const site = join(env.dir, 'site')
    await mkdir(site)
    // An approved article, so an export has something to write.
    const approved = await article()
    await call('saveArticle', { id: approved.id, changes: { title: 'Ready to go', description: 'Ready.' } })
    for (const to of ['in-review', 'approved'] as const) {
      await changeStatus(env.services.library, { id: approved.id, to, note: 'Fine.' }, { name: 'Sam Ortiz', role: 'editor' })
    }

    const cases: { what: string; name: string; payload: unknown; chosen?: string; ok?: boolean }[] = [
      { what: 'theme: undefined (was a zod JSON blob)', name: 'updateSettings', payload: { theme: undefined }, ok: true },
      { what: 'profile: undefined', name: 'updateSettings', payload: { profile: undefined }, ok: true },
      { what: 'title: undefined (was “Expected a string, got `undefined`”)', name: 'saveArticle', payload: { id, changes: { title: undefined } }, ok: true },
      { what: 'an empty body (found by the fuzz test: ProseMirror’s raw wording)', name: 'saveArticle', payload: { id, changes: { body: { type: 'doc', content: [] } } } },
      { what: 'a NUL in a library path (was ERR_INVALID_ARG_VALUE)', name: 'openLibrary', payload: { path: `${env.dir}/a\0b` } },
      { what: 'a NUL in a site folder, dry run', name: 'previewSiteExport', payload: { siteDir: `${site}\0`, profile: 'hugo' } },
      { what: 'a NUL in a site folder', name: 'runSiteExport', payload: { siteDir: `${site}\0x`, profile: 'hugo', jobId: 'nul' } },
      { what: 'an export into a folder nobody may write (was raw EACCES/EPERM)', name: 'runSiteExport', payload: { siteDir: '/sys', profile: 'hugo', jobId: 'sys' } },
      { what: 'an export into a system folder', name: 'runSiteExport', payload: { siteDir: '/sys/kernel', profile: 'jekyll', jobId: 'kernel' } },
      { what: 'a new library where no folder can be made', name: 'openLibrary', payload: { path: '/sys/copydesk-library' } },
      { what: 'saving an export into a missing folder', name: 'saveExport', payload: { id, format: 'html' }, chosen: join(env.dir, 'missing', 'a.html') },
      { what: 'saving an export where a file stands in for a folder', name: 'saveExport', payload: { id, format: 'markdown' }, chosen: join(env.dir, 'settings.json', 'a.md') },
      { what: 'a review bundle into a folder nobody may write', name: 'exportReviewBundle', payload: { ids: [id] }, chosen: '/sys/bundle.copydesk-review' }
    ]
    const original = console.error
    console.error = () => undefined
    try {
      for (const { what, name, payload, chosen, ok } of cases) {
        chosenFile = chosen ?? null
        const result = await call(name, payload)
        if (ok) expect(result, what).toMatchObject({ ok: true })
        else {
          expect(result.ok, what).toBe(false)
          if (!result.ok) expect(plainWordsProblem(result.error.message), what).toBeNull()
        }
      }
    } finally {
      console.error = original
    }
    expect(await readdir(site)).toEqual([])
    const reopened = await openLibrary(env.services.library.dir, 'existing', { indexNow: false })
    expect(reopened.info().notices).toEqual([])
    expect((await reopened.getArticle(id)).title).toBe(title)
    await reopened.close()
    await writeFile(join(env.dir, 'done'), '')
  })
})
