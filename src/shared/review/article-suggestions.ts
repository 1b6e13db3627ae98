import { Transform } from '@tiptap/pm/transform'
import type { Article } from '../article/article'
import { type BodyDoc } from '../article/body'
import { toProseMirror } from '../schema/to-prosemirror'
import { UserError } from '../ipc/result'
import type { Actor } from './actor'
import { decideSuggestions, decisionRecord, type Decision } from './decide-suggestions'
import { nowIso } from '../ids'
import type { SuggestionDecision } from './suggestion-decision-schema'

/** The article with decisions the editor made on its live document added to its record. */
export const recordDecisions = (article: Article, records: SuggestionDecision[]): Article => ({
  ...article,
  suggestionDecisions: [...(article.suggestionDecisions ?? []), ...records]
})

/**
 * Accepts or rejects one suggestion (by id) or all of them in a stored
 * article, recording who decided: for the library and the command line. The
 * editor does the same on its live document with decideSuggestions.
 */
export function decideInArticle(article: Article, decision: Decision, which: string | 'all', actor: Actor, at: string = nowIso()): Article {
  const tr = new Transform(toProseMirror(article.body))
  const decided = decideSuggestions(tr, decision, (id) => which === 'all' || id === which)
  if (which !== 'all' && decided.length === 0)
    throw new UserError('not-found', 'This suggestion is no longer in the article; someone may have accepted or rejected it already.')
  if (decided.length === 0) return article
  const records = decided.map((suggestion) => decisionRecord(suggestion, decision, actor, at))
  return recordDecisions({ ...article, body: tr.doc.toJSON() as BodyDoc }, records)
}
