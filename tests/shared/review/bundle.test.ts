import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { bodyText } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { UserError } from '../../../src/shared/ipc/result'
import { decideInArticle } from '../../../src/shared/review/article-suggestions'
import { createBundle } from '../../../src/shared/review/bundle/create-bundle'
import { mergeBundle } from '../../../src/shared/review/bundle/merge-bundle'
import { parseBundle } from '../../../src/shared/review/bundle/parse-bundle'
import { commentAnchors } from '../../../src/shared/review/comment-anchors'
import { editMessage, reply, resolveThread, reopenThread, updateThread } from '../../../src/shared/review/comment-threads'
import { findSuggestions } from '../../../src/shared/review/find-suggestions'
import { stripReview } from '../../../src/shared/review/strip-review'
import { transition } from '../../../src/shared/review/status-workflow'
import { netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { editor, writer } from './actors'
import { editDirectly, ReviewSession } from './review-session'

/** Sends articles through a bundle file, as text, the way two people would. */
const send = (articles: Article[], from = editor) => parseBundle(createBundle(articles, from))
const suggestionsIn = (article: Article) => findSuggestions(toProseMirror(article.body))
const anchorsIn = (article: Article) => commentAnchors(toProseMirror(article.body))
const textOf = (article: Article) => bodyText(stripReview(article.body))

function refusal(text: string): UserError {
  try {
    parseBundle(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('the bundle was accepted')
}

describe('review bundle', () => {
  it('round-trips a review between two independent copies of the article', () => {
    // Two libraries, each with its own copy of the same article.
    const writersCopy = netflixArticle()
    const editorsCopy = netflixArticle()

    let threadId = ''
    const reviewed = new ReviewSession(editorsCopy, editor)
      .replace('utilizes', 'uses')
      .replace('overall ', '')
      .comment('helpful tool', 'Is “tool” fair to the artists?', (id) => (threadId = id))
      .done()

    const [entry] = send([reviewed]).articles
    expect(entry!.base.body).toEqual(stripReview(reviewed.body))
    const { merged, conflicts, added } = mergeBundle(writersCopy, entry!)
    expect(conflicts).toEqual([])
    expect(added).toEqual({ suggestions: 2, threads: 1, decisions: 0 })
    expect(suggestionsIn(merged).map((s) => [s.author, s.deleted, s.inserted])).toEqual([
      ['Sam Ortiz', 'overall ', ''],
      ['Sam Ortiz', 'utilizes', 'uses']
    ])
    expect(anchorsIn(merged)).toMatchObject([{ threadId, text: 'helpful tool' }])
    expect(merged.comments?.[0]?.messages[0]?.text).toBe('Is “tool” fair to the artists?')
    // Nothing of the writer's text was touched: the suggestions still wait for her.
    expect(textOf(merged)).toBe(textOf(writersCopy))

    // The writer accepts one suggestion, rejects the other, answers and resolves; the editor gets it all back.
    const utilizes = suggestionsIn(merged).find((s) => s.deleted === 'utilizes')!.id
    const overall = suggestionsIn(merged).find((s) => s.deleted === 'overall ')!.id
    let answered = decideInArticle(merged, 'accept', utilizes, writer)
    answered = decideInArticle(answered, 'reject', overall, writer)
    answered = updateThread(answered, threadId, (t) => resolveThread(reply(t, 'Fair: it is his word.', writer), writer))
    const back = mergeBundle(reviewed, send([answered], writer).articles[0]!)
    expect(back.conflicts).toEqual([])
    expect(back.added.decisions).toBe(2)
    expect(suggestionsIn(back.merged)).toEqual([])
    expect(textOf(back.merged)).toBe(textOf(answered))
    expect(textOf(back.merged)).toContain('Netflix uses AI to support creative teams')
    const thread = back.merged.comments?.find((t) => t.id === threadId)
    expect(thread?.messages.map((m) => m.author.name)).toEqual(['Sam Ortiz', 'Hajra Naz'])
    expect(thread?.resolution).toMatchObject({ resolved: true, by: writer })
  })

  it('changes nothing when the same bundle is merged twice', () => {
    const reviewed = new ReviewSession(netflixArticle(), editor).replace('utilizes', 'uses').comment('helpful tool', 'Why?').done()
    const entry = send([reviewed]).articles[0]!
    const once = mergeBundle(netflixArticle(), entry).merged
    const twice = mergeBundle(once, entry)
    expect(twice.merged).toEqual(once)
    expect(twice.conflicts).toEqual([])
    expect(twice.added).toEqual({ suggestions: 0, threads: 0, decisions: 0 })
  })

  it('does not bring back a suggestion the writer already decided when an older bundle arrives', () => {
    const reviewed = new ReviewSession(netflixArticle(), editor).replace('utilizes', 'uses').done()
    const entry = send([reviewed]).articles[0]!
    const merged = mergeBundle(netflixArticle(), entry).merged
    const rejected = decideInArticle(merged, 'reject', suggestionsIn(merged)[0]!.id, writer)
    const again = mergeBundle(rejected, entry)
    expect(suggestionsIn(again.merged)).toEqual([])
    expect(textOf(again.merged)).toContain('Netflix utilizes AI')
  })

  it('reports a suggestion whose text changed locally instead of forcing it in, and merges the rest', () => {
    const reviewed = new ReviewSession(netflixArticle(), editor)
      .replace('overall ', '')
      .replace('utilizes', 'uses')
      .comment('improve the overall TV', 'Vague.')
      .done()
    // Meanwhile the writer rewrote the sentence the first suggestion and the comment are in.
    const rewritten = editDirectly(netflixArticle(), 'improve the overall TV and movie experience', 'improve how TV and movies are made')
    const { merged, conflicts } = mergeBundle(rewritten, send([reviewed]).articles[0]!)
    expect(conflicts.map((c) => [c.kind, c.message])).toEqual([
      [
        'suggestion-text-changed',
        'The text of Sam Ortiz’s suggestion to delete “overall ” has changed here, so the suggestion was not applied; make the change by hand if it still fits.'
      ],
      [
        'comment-anchor-lost',
        'The words “improve the overall TV” that Sam Ortiz’s comment is on have changed here; the comment is kept without its place in the text.'
      ]
    ])
    expect(suggestionsIn(merged).map((s) => s.inserted)).toEqual(['uses'])
    expect(merged.comments).toHaveLength(1)
    expect(textOf(merged)).toBe(textOf(rewritten))
  })

  it('places suggestions by their paragraph’s text even when paragraphs were added or moved here', () => {
    const reviewed = new ReviewSession(netflixArticle(), editor).replace('Instead', 'Rather').done()
    const local = netflixArticle()
    local.body.content.unshift({ type: 'paragraph', content: [{ type: 'text', text: 'Editor’s note: updated after the call.' }] })
    const { merged, conflicts } = mergeBundle(local, send([reviewed]).articles[0]!)
    expect(conflicts).toEqual([])
    const [suggestion] = suggestionsIn(merged)
    expect(suggestion).toMatchObject({ deleted: 'Instead', inserted: 'Rather' })
    const paragraph = toProseMirror(merged.body).resolve(suggestion!.pieces[0]!.from).parent.textContent
    expect(paragraph).toMatch(/^Netflix doesn’t plan to make AI the center of its content creation\. InsteadRather, it sees AI/)
  })

  it('keeps both people’s suggestions in the same paragraph', () => {
    const byEditor = new ReviewSession(netflixArticle(), editor).replace('utilizes', 'uses').done()
    const byWriter = new ReviewSession(netflixArticle(), writer).replace('support', 'help').done()
    const { merged, conflicts } = mergeBundle(byWriter, send([byEditor]).articles[0]!)
    expect(conflicts).toEqual([])
    expect(suggestionsIn(merged).map((s) => [s.author, s.inserted])).toEqual([
      ['Sam Ortiz', 'uses'],
      ['Hajra Naz', 'help']
    ])
    expect(bodyText(stripReview(merged.body))).toBe(textOf(netflixArticle()))
  })

  it('reports a deletion that overlaps one already suggested here', () => {
    const byEditor = new ReviewSession(netflixArticle(), editor).replace('the overall TV', '').done()
    const byWriter = new ReviewSession(netflixArticle(), writer).replace('overall', '').done()
    const { merged, conflicts } = mergeBundle(byWriter, send([byEditor]).articles[0]!)
    expect(conflicts.map((c) => c.kind)).toEqual(['suggestion-overlaps'])
    expect(suggestionsIn(merged).map((s) => s.author)).toEqual(['Hajra Naz'])
  })

  it('merges threads: replies from both sides in time order, the newest resolve or reopen wins', () => {
    let threadId = ''
    const base = new ReviewSession(netflixArticle(), editor).comment('helpful tool', 'Check.', (id) => (threadId = id)).done()
    const mine = updateThread(base, threadId, (t) =>
      resolveThread(reply(t, 'Checked here.', writer, '2026-03-03T10:00:00.000Z'), writer, '2026-03-03T10:01:00.000Z')
    )
    const theirs = updateThread(base, threadId, (t) =>
      reopenThread(
        resolveThread(reply(t, 'And here.', editor, '2026-03-03T09:00:00.000Z'), editor, '2026-03-03T09:30:00.000Z'),
        editor,
        '2026-03-03T11:00:00.000Z'
      )
    )
    const { merged, conflicts } = mergeBundle(mine, send([theirs]).articles[0]!)
    expect(conflicts).toEqual([])
    const thread = merged.comments!.find((t) => t.id === threadId)!
    expect(thread.messages.map((m) => m.text)).toEqual(['Check.', 'And here.', 'Checked here.'])
    expect(thread.resolution).toEqual({ resolved: false, by: editor, at: '2026-03-03T11:00:00.000Z' })
  })

  it('reports a comment reworded on both sides and keeps the local wording', () => {
    let threadId = ''
    const base = new ReviewSession(netflixArticle(), editor).comment('helpful tool', 'Check.', (id) => (threadId = id)).done()
    const messageId = base.comments![0]!.messages[0]!.id
    const mine = updateThread(base, threadId, (t) => editMessage(t, messageId, 'Check the quote.', editor))
    const theirs = updateThread(base, threadId, (t) => editMessage(t, messageId, 'Check the source.', editor))
    const { merged, conflicts } = mergeBundle(mine, send([theirs]).articles[0]!)
    expect(conflicts).toMatchObject([
      {
        kind: 'comment-edited-both',
        threadId,
        messageId,
        message: 'Sam Ortiz’s comment was changed both here and in the bundle; the wording here is kept. The bundle’s wording: “Check the source.”.'
      }
    ])
    expect(merged.comments![0]!.messages[0]!.text).toBe('Check the quote.')
    // An edit on one side only is simply taken.
    expect(mergeBundle(base, send([theirs]).articles[0]!).merged.comments![0]!.messages[0]!.text).toBe('Check the source.')
  })

  it('tells, without changing it, that the status differs in the bundle', () => {
    const inReview = { ...netflixArticle(), status: 'in-review' as const }
    const rejected = transition(inReview, 'changes-requested', editor, 'See comments', undefined, '2026-03-04T08:00:00.000Z')
    const { merged, conflicts } = mergeBundle(inReview, send([rejected]).articles[0]!)
    expect(merged.status).toBe('in-review')
    expect(conflicts).toEqual([
      {
        kind: 'status-differs',
        message: 'In the bundle this article is “Changes requested” (Sam Ortiz, 2026-03-04); here it is “In review”. Change the status here if you agree.'
      }
    ])
  })

  it('refuses to merge a bundle entry into another article', () => {
    const other = relatedArticles()[0]!
    expect(() => mergeBundle(other, send([netflixArticle()]).articles[0]!)).toThrow('is not this article')
  })

  it('holds several articles with the base text each review was made against', () => {
    const reviewed = new ReviewSession(netflixArticle(), editor).replace('utilizes', 'uses').done()
    const bundle = send([reviewed, ...relatedArticles()])
    expect(bundle).toMatchObject({ kind: 'copydesk-review-bundle', version: 1, createdBy: editor })
    expect(bundle.articles.map((e) => e.article.id)).toEqual([reviewed.id, ...relatedArticles().map((a) => a.id)])
    expect(bodyText(bundle.articles[0]!.base.body)).toContain('Netflix utilizes AI')
    expect(bundle.articles[0]!.base.updatedAt).toBe(reviewed.updatedAt)
    expect(() => createBundle([], editor)).toThrow('Choose at least one article')
  })
})

describe('reading a review bundle file', () => {
  const valid = () => JSON.parse(createBundle([netflixArticle()], editor)) as Record<string, unknown> & { articles: { article: Article }[] }

  it('refuses a file that is not JSON or not a bundle', () => {
    expect(refusal('# Netflix Bets Big').message).toBe('This file is not a Copydesk review bundle: it is not JSON.')
    expect(refusal(JSON.stringify(netflixArticle())).message).toBe('This file is not a Copydesk review bundle.')
    expect(refusal('null').message).toBe('This file is not a Copydesk review bundle.')
  })

  it('asks for a newer Copydesk for a bundle from the future', () => {
    expect(refusal(JSON.stringify({ ...valid(), version: 2 })).message).toBe(
      'This review bundle was made by a newer version of Copydesk; update Copydesk to open it.'
    )
  })

  it('says where a damaged bundle is damaged', () => {
    const bundle = valid()
    delete (bundle.articles[0]!.article as Partial<Article>).title
    const error = refusal(JSON.stringify(bundle))
    expect(error.message).toBe('This review bundle is damaged or incomplete.')
    expect(error.details).toEqual(['articles.0.article.title: Invalid input: expected string, received undefined'])
  })

  it('refuses links and images that could run code', () => {
    const bundle = valid()
    bundle.articles[0]!.article.body.content[0]!.content![0]!.marks = [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]
    const error = refusal(JSON.stringify(bundle))
    expect(error.message).toMatch(/contains links that could run code/)
    expect(error.details).toEqual(['javascript:alert(1)'])
  })

  it('refuses a body Copydesk cannot read, such as an unknown block or a forged suggestion', () => {
    const unknown = valid()
    unknown.articles[0]!.article.body.content.push({ type: 'script', content: [] })
    expect(refusal(JSON.stringify(unknown)).message).toMatch(/cannot be read/)
    const forged = valid()
    forged.articles[0]!.article.body.content[0]!.content![0]!.marks = [{ type: 'suggestionInsert', attrs: { id: 'x', author: 'Mallory', role: 'admin', at: 'now' } }]
    expect(refusal(JSON.stringify(forged)).message).toMatch(/cannot be read/)
  })

  it('refuses the same article twice', () => {
    const bundle = valid()
    bundle.articles.push(bundle.articles[0]!)
    expect(refusal(JSON.stringify(bundle)).message).toMatch(/holds the article “Netflix Bets Big/)
  })

  it('refuses nesting deep enough to exhaust the stack, without crashing', () => {
    const bundle = valid()
    const deep = '{"type":"blockquote","content":['.repeat(20_000) + '{"type":"paragraph"}' + ']}'.repeat(20_000)
    const text = JSON.stringify(bundle).replace('"content":[{"type":"paragraph"', `"content":[${deep},{"type":"paragraph"`)
    const error = refusal(text)
    expect(error.message).toBe('This review bundle cannot be opened: The article’s text is nested more than 100 levels deep (lists or quotes inside each other), more than Copydesk can keep.')
  })
})
