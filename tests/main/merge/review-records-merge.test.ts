import { describe, expect, it } from 'vitest'
import type { Article, StatusChange } from '../../../src/shared/article/article'
import { editMessage, reply, resolveThread, startThread, updateThread, withThread } from '../../../src/shared/review/comment-threads'
import type { Actor } from '../../../src/shared/review/actor'
import type { SuggestionDecision } from '../../../src/shared/review/suggestion-decision-schema'
import { baseArticle, blockTexts, edited, merged, paragraph } from './merge-fixtures'

const writer: Actor = { name: 'Ana Ruiz', role: 'writer' }
const editor: Actor = { name: 'Ben Okafor', role: 'editor' }

const step = (at: string, from: StatusChange['from'], to: StatusChange['to'], by = editor): StatusChange => ({ at, from, to, by })
const decision = (id: string): SuggestionDecision => ({
  id,
  decision: 'accepted',
  by: editor,
  at: '2026-01-07T10:00:00.000Z',
  suggestedBy: 'Ana Ruiz',
  inserted: 'steeply',
  deleted: 'sharply'
})

describe('review records', () => {
  it('keeps both sides’ threads, replies, decisions and status steps, each once, in a set order', () => {
    const thread = startThread('arabica', 'Which market?', editor, '2026-01-06T10:00:00.000Z')
    const base = edited(baseArticle(), (a) => {
      Object.assign(a, withThread(a, thread))
      a.statusHistory = [step('2026-01-06T09:00:00.000Z', 'draft', 'in-review', writer)]
      a.suggestionDecisions = [decision('s-shared1')]
    })
    const oursThread = startThread('Brazil', 'Source for this?', editor, '2026-01-07T11:00:00.000Z')
    const ours = edited(base, (a) => {
      Object.assign(a, updateThread(a, thread.id, (t) => reply(t, 'New York futures.', writer, '2026-01-07T12:00:00.000Z')))
      Object.assign(a, withThread(a, oursThread))
      a.suggestionDecisions = [...a.suggestionDecisions!, decision('s-ours01')]
      a.statusHistory = [...a.statusHistory!, step('2026-01-08T09:00:00.000Z', 'in-review', 'changes-requested')]
      a.status = 'changes-requested'
    })
    const theirs = edited(base, (a) => {
      Object.assign(a, updateThread(a, thread.id, (t) => resolveThread(reply(t, 'Fixed in the text.', writer, '2026-01-07T09:30:00.000Z'), editor, '2026-01-07T13:00:00.000Z')))
      a.suggestionDecisions = [...a.suggestionDecisions!, decision('s-their1')]
      a.statusHistory = [...a.statusHistory!, step('2026-01-07T15:00:00.000Z', 'in-review', 'approved')]
      a.status = 'approved'
    })
    const { article, conflict } = merged({ base, ours, theirs })
    const shared = article?.comments?.find((t) => t.id === thread.id)
    expect(shared?.messages.map((m) => m.text)).toEqual(['Which market?', 'Fixed in the text.', 'New York futures.'])
    expect(shared?.resolution).toMatchObject({ resolved: true, by: editor })
    expect(article?.comments?.map((t) => t.id)).toEqual([thread.id, oursThread.id])
    expect(article?.suggestionDecisions?.map((d) => d.id)).toEqual(['s-shared1', 's-ours01', 's-their1'])
    expect(article?.statusHistory?.map((s) => s.to)).toEqual(['in-review', 'approved', 'changes-requested'])
    // The status itself is a field both sides moved: ours stays, theirs is kept whole.
    expect(article?.status).toBe('changes-requested')
    expect(conflict?.summary).toBe('Both sides changed the status.')
  })

  it('a comment edited on one side takes that edit; edited both ways it is a conflict keeping ours', () => {
    const thread = startThread('arabica', 'Which market?', editor, '2026-01-06T10:00:00.000Z')
    const messageId = thread.messages[0]!.id
    const base = edited(baseArticle(), (a) => Object.assign(a, withThread(a, thread)))
    const rewrite = (text: string) => (a: Article) =>
      Object.assign(a, updateThread(a, thread.id, (t) => editMessage(t, messageId, text, editor, '2026-01-08T00:00:00.000Z')))
    const ours = edited(base, (a) => void (a.body.content[4] = paragraph('Shoppers may see it by summer.')))
    const theirs = edited(base, rewrite('Which futures market?'))
    expect(merged({ base, ours, theirs }).article?.comments?.[0]?.messages[0]?.text).toBe('Which futures market?')
    // Edited once before they parted, edited again on one side only: still that side's edit, no conflict.
    const again = edited(theirs, rewrite('Which futures exchange?'))
    const once = merged({ base: theirs, ours: edited(theirs, (a) => void (a.dek = 'Growers blame drought.')), theirs: again })
    expect(once.conflict).toBeNull()
    expect(once.article?.comments?.[0]?.messages[0]?.text).toBe('Which futures exchange?')

    const both = merged({ base, ours: edited(base, rewrite('Which exchange?')), theirs })
    expect(both.article?.comments?.[0]?.messages[0]?.text).toBe('Which exchange?')
    expect(both.conflict?.summary).toBe('Both sides changed a comment.')
    expect(both.conflict?.other.comments?.[0]?.messages[0]?.text).toBe('Which futures market?')
  })

  it('review records do not stop the text from merging', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => void (a.statusHistory = [step('2026-01-06T09:00:00.000Z', 'draft', 'in-review', writer)]))
    const theirs = edited(base, (a) => void (a.body.content[0] = paragraph('Prices rose.')))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(article?.statusHistory).toEqual(ours.statusHistory)
    expect(blockTexts(article!)[0]).toBe('Prices rose.')
  })
})
