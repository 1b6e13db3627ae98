import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { bodyText } from '../../../src/shared/article/body'
import type { BundleImportReport } from '../../../src/shared/review-api'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { decideInArticle } from '../../../src/shared/review/article-suggestions'
import { commentAnchors } from '../../../src/shared/review/comment-anchors'
import { reply, resolveThread, updateThread } from '../../../src/shared/review/comment-threads'
import { findSuggestions } from '../../../src/shared/review/find-suggestions'
import { stripReview } from '../../../src/shared/review/strip-review'
import type { Actor } from '../../../src/shared/review/actor'
import type { Library } from '../../../src/main/library/library'
import { importReviewBundle, makeReviewBundle, writeReviewBundle } from '../../../src/main/library/review-bundle'
import { diffRevisions } from '../../../src/main/library/review-diff'
import { changeStatus } from '../../../src/main/library/review-status'
import { editor, writer } from '../../shared/review/actors'
import { editDirectly, ReviewSession } from '../../shared/review/review-session'
import { makeTempDir } from '../../support/temp-dir'
import { addHostingPromo, tempLibrary } from './temp-library'
import { moveTo, netflixDraft, today } from './review-setup'

/** Two people, each with a library folder of their own, and a folder for the files they send each other. */
let writers: Awaited<ReturnType<typeof tempLibrary>>
let editors: Awaited<ReturnType<typeof tempLibrary>>
let outbox: Awaited<ReturnType<typeof makeTempDir>>
let sent = 0
beforeEach(async () => {
  writers = await tempLibrary()
  editors = await tempLibrary()
  // Both libraries know the promos their articles place.
  await addHostingPromo(editors.library)
  outbox = await makeTempDir('copydesk-outbox-')
})
afterEach(async () => {
  await writers.cleanup()
  await editors.cleanup()
  await outbox.cleanup()
})

/** Bundles articles in one library as `actor` and imports the file into another, as two people would. */
async function send(from: Library, ids: string[], actor: Actor, to: Library): Promise<BundleImportReport> {
  const file = join(outbox.path, `bundle-${++sent}.json`)
  await writeReviewBundle(file, await makeReviewBundle(from, ids, actor))
  return importReviewBundle(to, await readFile(file, 'utf8'))
}

const suggestionsIn = (article: Article) => findSuggestions(toProseMirror(article.body))
const anchorsIn = (article: Article) => commentAnchors(toProseMirror(article.body))
/** The text as it would be exported: pending suggestions not applied. */
const textOf = (article: Article) => bodyText(stripReview(article.body))
const saveReview = (library: Library, reviewed: Article) =>
  library.saveArticle(reviewed.id, { body: reviewed.body, comments: reviewed.comments ?? [], suggestionDecisions: reviewed.suggestionDecisions ?? [] })

describe('review bundles between two library folders', () => {
  it('carry the editor’s comments and suggestions to the writer and her decisions back, and the diff shows the accepted change', async () => {
    const draft = await netflixDraft(writers.library)
    await moveTo(writers.library, draft.id, ['in-review'])
    expect((await send(writers.library, [draft.id], writer, editors.library)).articles).toEqual([{ id: draft.id, title: draft.title, outcome: 'added' }])
    expect(await editors.library.getArticle(draft.id)).toMatchObject({ status: 'in-review', statusHistory: [{ to: 'in-review', by: writer }] })

    // The editor suggests two cuts and comments, in her library.
    let threadId = ''
    const reviewed = new ReviewSession(await editors.library.getArticle(draft.id), editor)
      .replace('utilizes', 'uses')
      .replace('overall ', '')
      .comment('helpful tool', 'Is “tool” fair to the artists?', (id) => (threadId = id))
      .done()
    await saveReview(editors.library, reviewed)

    const toWriter = await send(editors.library, [draft.id], editor, writers.library)
    expect(toWriter.createdBy).toEqual(editor)
    expect(toWriter.articles).toEqual([
      { id: draft.id, title: draft.title, outcome: 'merged', added: { suggestions: 2, threads: 1, decisions: 0 }, conflicts: [] }
    ])
    const received = await writers.library.getArticle(draft.id)
    expect(suggestionsIn(received).map((s) => [s.author, s.deleted, s.inserted])).toEqual([
      ['Sam Ortiz', 'overall ', ''],
      ['Sam Ortiz', 'utilizes', 'uses']
    ])
    expect(anchorsIn(received)).toMatchObject([{ threadId, text: 'helpful tool' }])
    expect(textOf(received)).toBe(textOf(draft))

    // The writer accepts one suggestion, rejects the other, answers the comment and resolves it.
    const utilizes = suggestionsIn(received).find((s) => s.deleted === 'utilizes')!.id
    const overall = suggestionsIn(received).find((s) => s.deleted === 'overall ')!.id
    let answered = decideInArticle(received, 'accept', utilizes, writer)
    answered = decideInArticle(answered, 'reject', overall, writer)
    answered = updateThread(answered, threadId, (thread) => resolveThread(reply(thread, 'Fair: it is his word.', writer), writer))
    await saveReview(writers.library, answered)

    const toEditor = await send(writers.library, [draft.id], writer, editors.library)
    expect(toEditor.articles).toEqual([
      { id: draft.id, title: draft.title, outcome: 'merged', added: { suggestions: 0, threads: 0, decisions: 2 }, conflicts: [] }
    ])
    const seen = await editors.library.getArticle(draft.id)
    expect(suggestionsIn(seen)).toEqual([])
    expect(textOf(seen)).toBe(textOf(await writers.library.getArticle(draft.id)))
    expect(textOf(seen)).toContain('Netflix uses AI to support creative teams')
    expect(textOf(seen)).toContain('overall ')
    expect(seen.suggestionDecisions?.map((d) => [d.decision, d.deleted, d.by.name])).toEqual([
      ['accepted', 'utilizes', 'Hajra Naz'],
      ['rejected', 'overall ', 'Hajra Naz']
    ])
    expect(seen.comments?.find((t) => t.id === threadId)).toMatchObject({
      messages: [{ author: editor }, { author: writer, text: 'Fair: it is his word.' }],
      resolution: { resolved: true, by: writer }
    })
    expect((await changeStatus(editors.library, { id: draft.id, to: 'approved' }, editor, today)).status).toBe('approved')

    // In the writer's history, the first and the last revision differ by the accepted word and the status.
    const revisions = await writers.library.listRevisions(draft.id)
    const diff = await diffRevisions(writers.library, { id: draft.id, from: revisions.at(-1)!.id, to: revisions[0]!.id })
    expect(diff).toMatchObject({ identical: false, wordsAdded: 1, wordsRemoved: 1 })
    const changed = diff.sections.filter((section) => section.kind !== 'field')
    expect(changed).toHaveLength(1)
    const runs = changed[0]!.lines.flatMap((line) => line.runs).filter((run) => run.kind !== 'same')
    expect(runs).toEqual([
      { kind: 'removed', text: 'utilizes' },
      { kind: 'added', text: 'uses' }
    ])
    expect(diff.sections.find((section) => section.field === 'status')?.summary).toBe('Status changed from “Draft” to “In review”.')
  })

  it('reports conflicts when both sides changed the same words, overwriting nothing', async () => {
    const draft = await netflixDraft(writers.library)
    await moveTo(writers.library, draft.id, ['in-review'])
    await send(writers.library, [draft.id], writer, editors.library)

    const reviewed = new ReviewSession(await editors.library.getArticle(draft.id), editor)
      .replace('utilizes', 'uses')
      .comment('helpful tool', 'Is “tool” fair to the artists?')
      .done()
    await saveReview(editors.library, reviewed)
    await changeStatus(editors.library, { id: draft.id, to: 'changes-requested', note: 'See my comment.' }, editor, today)

    // Meanwhile the writer rewrote both passages herself.
    let rewritten = editDirectly(await writers.library.getArticle(draft.id), 'utilizes', 'employs')
    rewritten = editDirectly(rewritten, 'helpful tool', 'useful instrument')
    await writers.library.saveArticle(draft.id, { body: rewritten.body })
    const before = await writers.library.getArticle(draft.id)

    const [result] = (await send(editors.library, [draft.id], editor, writers.library)).articles
    expect(result).toMatchObject({ outcome: 'merged', added: { suggestions: 0, threads: 1 } })
    const conflicts = result!.outcome === 'merged' ? result!.conflicts : []
    expect(conflicts.map((c) => c.kind).sort()).toEqual(['comment-anchor-lost', 'status-differs', 'suggestion-text-changed'])
    expect(conflicts.find((c) => c.kind === 'suggestion-text-changed')?.message).toBe(
      'The text of Sam Ortiz’s suggestion to replace “utilizes” with “uses” has changed here, so the suggestion was not applied; make the change by hand if it still fits.'
    )
    expect(conflicts.find((c) => c.kind === 'status-differs')?.message).toMatch(/^In the bundle this article is “Changes requested” \(Sam Ortiz, \d{4}-\d\d-\d\d\); here it is “In review”\./)

    const after = await writers.library.getArticle(draft.id)
    expect(after.body).toEqual(before.body)
    expect(textOf(after)).toContain('Netflix employs AI')
    expect(after.status).toBe('in-review')
    // The comment still arrives, without its place in the text.
    expect(after.comments?.map((t) => t.messages[0]?.text)).toEqual(['Is “tool” fair to the artists?'])
  })

  it('changes nothing when the same bundle is imported twice', async () => {
    const draft = await netflixDraft(writers.library)
    await send(writers.library, [draft.id], writer, editors.library)
    const reviewed = new ReviewSession(await editors.library.getArticle(draft.id), editor).replace('utilizes', 'uses').comment('helpful tool', 'Why?').done()
    await saveReview(editors.library, reviewed)
    const file = join(outbox.path, 'twice.json')
    await writeReviewBundle(file, await makeReviewBundle(editors.library, [draft.id], editor))

    await importReviewBundle(writers.library, await readFile(file, 'utf8'))
    const once = await writers.library.getArticle(draft.id)
    const revisions = await writers.library.listRevisions(draft.id)
    const again = await importReviewBundle(writers.library, await readFile(file, 'utf8'))
    expect(again.articles).toMatchObject([{ outcome: 'merged', added: { suggestions: 0, threads: 0, decisions: 0 }, conflicts: [] }])
    expect(await writers.library.getArticle(draft.id)).toEqual(once)
    expect(await writers.library.listRevisions(draft.id)).toEqual(revisions)
  })

  it('puts several articles in one file, each once, and skips one that is in the trash here', async () => {
    const draft = await netflixDraft(writers.library)
    const other = await writers.library.createArticle({ title: 'Second story' })
    const bundle = await makeReviewBundle(writers.library, [draft.id, draft.slug, other.id], writer)
    expect(bundle).toMatchObject({ articleCount: 2, fileName: 'review-bundle-2-articles.json' })
    expect((await makeReviewBundle(writers.library, [draft.slug], writer)).fileName).toBe(`${draft.slug}-review.json`)

    await importReviewBundle(editors.library, bundle.text)
    const revisions = await editors.library.listRevisions(draft.id)
    await editors.library.trashArticle(other.id)
    const report = await importReviewBundle(editors.library, bundle.text)
    // Nothing new in the bundle: the article here is left as it was, without a new revision.
    expect(await editors.library.listRevisions(draft.id)).toEqual(revisions)
    expect(report.articles.map((a) => [a.title, a.outcome])).toEqual([
      [draft.title, 'merged'],
      ['Second story', 'skipped']
    ])
    expect(report.articles[1]).toMatchObject({ reason: expect.stringContaining('trash') })
  })

  it('gives an added article a free address when its slug is taken here', async () => {
    const draft = await netflixDraft(writers.library)
    await editors.library.createArticle({ title: 'Another story', slug: draft.slug })
    await send(writers.library, [draft.id], writer, editors.library)
    expect((await editors.library.getArticle(draft.id)).slug).toBe(`${draft.slug}-2`)
  })
})

describe('a bad review bundle', () => {
  it('is refused in plain words and changes nothing, even when only its last article is bad', async () => {
    const draft = await netflixDraft(writers.library)
    const other = await writers.library.createArticle({ title: 'Second story' })
    const bundle = JSON.parse((await makeReviewBundle(writers.library, [draft.id, other.id], writer)).text) as {
      articles: { article: Article }[]
    }
    bundle.articles[1]!.article.body = { type: 'doc', content: [{ type: 'image', attrs: { src: 'mailto:someone@example.com', alt: 'x' } }] }
    const file = join(outbox.path, 'bad.json')
    await writeFile(file, JSON.stringify(bundle))
    await expect(importReviewBundle(editors.library, await readFile(file, 'utf8'))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('nothing was saved')
    })
    await expect(importReviewBundle(editors.library, '{"kind": "something else"}')).rejects.toMatchObject({
      message: 'This file is not a Copydesk review bundle.'
    })
    expect(await editors.library.listArticles()).toEqual([])
  })

  it('cannot be made without an article', async () => {
    await expect(makeReviewBundle(writers.library, ['no-such-article'], writer)).rejects.toMatchObject({ code: 'not-found' })
  })
})
