import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../src/shared/article/article'
import { openLibrary, type Library } from '../../src/main/library/library'
import { writeChecklistConfig } from '../../src/main/library/review-checklist'
import { moveTo, netflixDraft } from '../main/library/review-setup'
import { editor } from '../shared/review/actors'
import { editDirectly, ReviewSession } from '../shared/review/review-session'
import { makeTempDir } from '../support/temp-dir'
import { runCopydesk } from './run-cli'

let temp: Awaited<ReturnType<typeof makeTempDir>>
let writerDir: string
let editorDir: string
let article: Article
const inLibrary = (dir: string, ...args: string[]) => runCopydesk(['--library', dir, ...args])
const oneCleanLine = (stderr: string): void => {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).toMatch(/^copydesk: \S/)
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/)
}
/** Works on a library in this process, as the app would while the CLI is not running. */
async function withOpen<T>(dir: string, run: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary(dir, 'existing')
  try {
    return await run(library)
  } finally {
    await library.close()
  }
}
/** The app's user-data folder the CLI reads the profile from; empty until a test signs in. */
async function appProfile(profile: unknown): Promise<void> {
  const dir = join(temp.path, `user-data-${Date.now()}`)
  await mkdir(dir)
  if (profile) await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'system', window: null, recentLibraries: [], lastLibrary: null, profile }))
  vi.stubEnv('COPYDESK_USER_DATA', dir)
}

beforeAll(async () => {
  temp = await makeTempDir('copydesk-cli-review-')
  writerDir = join(temp.path, 'writer')
  editorDir = join(temp.path, 'editor')
  article = await openLibrary(writerDir).then(async (library) => {
    const draft = await netflixDraft(library)
    await library.close()
    return draft
  })
  await appProfile(null)
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await temp.cleanup()
})

describe('copydesk status and review commands', () => {
  it('documents who the commands act as', async () => {
    const help = await runCopydesk(['status', '--help'])
    expect(help.stdout).toContain('--as <Name:role>')
    expect(help.stdout).toContain('COPYDESK_USER_DATA')
  })

  it('refuses a status change when nobody says who is acting, or says it badly, in one line', async () => {
    for (const args of [[], ['--as', 'Hajra Naz:publisher']]) {
      const run = await inLibrary(writerDir, 'status', article.slug, 'in-review', ...args)
      expect(run.code, args.join(' ')).toBe(1)
      oneCleanLine(run.stderr)
      expect(run.stderr).toContain('--as "Name:role"')
    }
    expect((await withOpen(writerDir, (library) => library.getArticle(article.id))).status).toBe('draft')
  })

  it('moves an article through the workflow as --as says, refusing a step the role may not take', async () => {
    const submitted = await inLibrary(writerDir, 'status', article.slug, 'in-review', '--as', 'Hajra Naz:writer', '--note', 'Ready for a read.')
    expect(submitted).toMatchObject({ code: 0, stdout: `“${article.title}” is now In review.\n` })
    const approving = await inLibrary(writerDir, 'status', article.slug, 'approved', '--as', 'Hajra Naz:writer')
    expect(approving.code).toBe(1)
    expect(approving.stderr).toBe('copydesk: Only an editor can move an article to “Approved”; your profile says you are a writer.\n')
    expect((await withOpen(writerDir, (library) => library.getArticle(article.id))).statusHistory).toEqual([
      { from: 'draft', to: 'in-review', by: { name: 'Hajra Naz', role: 'writer' }, at: expect.any(String), note: 'Ready for a read.' }
    ])
  })

  it('runs the library’s checklist, exiting with 1 when it fails, and approves over it only with a note, as the app’s profile', async () => {
    await withOpen(writerDir, (library) => writeChecklistConfig(library.dir, { minimumWords: { min: 5000 } }))
    const checklist = await inLibrary(writerDir, 'review', 'checklist', article.slug)
    expect(checklist.code).toBe(1)
    expect(checklist.stdout).toMatch(/^✓ Title length: The title has \d+ characters\.\n/)
    expect(checklist.stdout).toMatch(/\n✗ Word count: The article has \d+ words; it needs at least 5000\.\n$/)
    expect(checklist.stderr).toBe('copydesk: The article fails one checklist item.\n')

    await appProfile(editor)
    const refused = await inLibrary(writerDir, 'status', article.slug, 'approved')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe('copydesk: The article fails one checklist item (word count). To approve it anyway, write a note saying why.\n')
    const approved = await inLibrary(writerDir, 'status', article.slug, 'approved', '--note', 'A news piece; short is right.')
    expect(approved.stdout).toBe(`“${article.title}” is now Approved.\nApproved despite failing checks (word-count): A news piece; short is right.\n`)
    const stored = await withOpen(writerDir, (library) => library.getArticle(article.id))
    expect(stored.statusHistory?.at(-1)).toMatchObject({ to: 'approved', by: editor, overriddenChecks: ['word-count'] })

    await withOpen(writerDir, (library) => writeChecklistConfig(library.dir, {}))
    expect(await inLibrary(writerDir, 'review', 'checklist', article.id)).toMatchObject({ code: 0, stderr: '' })
  })

  it('publishes an article edited since its approval with a warning that says so, and one as approved without', async () => {
    const dir = join(temp.path, 'publishing')
    const library = await openLibrary(dir)
    const asApproved = await netflixDraft(library)
    const edited = await netflixDraft(library)
    for (const { id } of [asApproved, edited]) await moveTo(library, id, ['in-review', 'approved'])
    await library.saveArticle(edited.id, { dek: 'A dek nobody approved.' }, { by: editor })
    await library.close()
    const quiet = await inLibrary(dir, 'status', asApproved.id, 'published', '--as', 'Ada Park:editor')
    expect(quiet).toMatchObject({ code: 0, stdout: `“${asApproved.title}” is now Published.\n`, stderr: '' })
    const warned = await inLibrary(dir, 'status', edited.id, 'published', '--as', 'Ada Park:editor')
    expect(warned).toMatchObject({ code: 0, stdout: `“${edited.title}” is now Published.\n` })
    expect(warned.stderr).toBe(`copydesk: warning: “${edited.title}” was edited after it was approved, so what is now published is not the text the editor approved.\n`)
    expect((await withOpen(dir, (library) => library.getArticle(edited.id))).status).toBe('published')
  })

  it('sends a review between two library folders with bundle files, listing conflicts', async () => {
    const toEditor = join(temp.path, 'to-editor.json')
    const written = await inLibrary(writerDir, 'review', 'bundle', '--out', toEditor, article.slug, '--as', 'Hajra Naz:writer')
    expect(written).toMatchObject({ code: 0, stdout: `Wrote a review bundle of one article to ${toEditor}.\n` })
    expect(JSON.parse(await readFile(toEditor, 'utf8'))).toMatchObject({ createdBy: { name: 'Hajra Naz', role: 'writer' } })

    expect((await runCopydesk(['--library', editorDir, 'init'])).code).toBe(0)
    const added = await inLibrary(editorDir, 'review', 'import', toEditor)
    expect(added.stdout).toMatch(/^Review bundle from Hajra Naz \(writer\), made \d{4}-\d\d-\d\d\.\n/)
    expect(added.stdout).toContain(`Added “${article.title}” (${article.id}), with its review.\n`)

    // The editor suggests and comments in her library while the writer rewrites one of the same words in hers.
    await withOpen(editorDir, async (library) => {
      const reviewed = new ReviewSession(await library.getArticle(article.id), editor)
        .replace('utilizes', 'uses')
        .replace('overall ', '')
        .comment('helpful tool', 'Is “tool” fair?')
        .done()
      await library.saveArticle(article.id, { body: reviewed.body, comments: reviewed.comments ?? [] })
    })
    await withOpen(writerDir, async (library) => {
      await library.saveArticle(article.id, { body: editDirectly(await library.getArticle(article.id), 'utilizes', 'employs').body })
    })

    const toWriter = join(temp.path, 'to-writer.json')
    expect((await inLibrary(editorDir, 'review', 'bundle', '--out', toWriter, article.id)).code).toBe(0)
    const merged = await inLibrary(writerDir, 'review', 'import', toWriter)
    expect(merged).toMatchObject({ code: 0, stderr: '' })
    expect(merged.stdout.split('\n').slice(1)).toEqual([
      `Merged “${article.title}”: 1 suggestion, 1 comment thread and 0 decisions added.`,
      '  conflict: The text of Sam Ortiz’s suggestion to replace “utilizes” with “uses” has changed here, so the suggestion was not applied; make the change by hand if it still fits.',
      ''
    ])
    const stored = await withOpen(writerDir, (library) => library.getArticle(article.id))
    expect(JSON.stringify(stored.body)).toContain('Netflix employs AI')
  })

  it('refuses a bundle file it cannot read or that is not a bundle, in one line', async () => {
    const notBundle = join(temp.path, 'notes.json')
    await writeFile(notBundle, '{"title": "My notes"}')
    for (const file of [join(temp.path, 'missing.json'), notBundle]) {
      const run = await inLibrary(writerDir, 'review', 'import', file)
      expect(run.code).toBe(1)
      oneCleanLine(run.stderr)
    }
  })
})
