import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { statusLabels, type Article } from '../../article/article'
import { type BodyDoc } from '../../article/body'
import { toProseMirror } from '../../schema/to-prosemirror'
import { UserError } from '../../ipc/result'
import { commentAnchors } from '../comment-anchors'
import { decideSuggestions } from '../decide-suggestions'
import type { SuggestionDecision } from '../suggestion-decision-schema'
import type { BundleEntry } from './bundle-format'
import { mergeAnnotations } from './merge-annotations'
import { shorten, type MergeConflict } from './merge-conflict'
import { mergeThreads } from './merge-threads'

export interface BundleMerge {
  merged: Article
  conflicts: MergeConflict[]
  /** What came in, for a one-line report: "2 suggestions and 1 comment thread merged". */
  added: { suggestions: number; threads: number; decisions: number }
}

/**
 * Brings the review work in a bundle into the local copy of the same
 * article: comment threads and replies, suggestions, and accept/reject
 * decisions taken on the other side. The local text and metadata are never
 * overwritten: what cannot be merged cleanly comes back as conflicts.
 */
export function mergeBundle(local: Article, incoming: BundleEntry): BundleMerge {
  const theirs = incoming.article
  if (theirs.id !== local.id) throw new UserError('invalid-input', `The bundle’s article “${theirs.title}” is not this article.`)
  const localDecisions = local.suggestionDecisions ?? []
  const known = new Set(localDecisions.map((d) => d.id))
  const newDecisions = (theirs.suggestionDecisions ?? []).filter((d) => !known.has(d.id))
  const decisions = [...localDecisions, ...newDecisions]

  // Decisions taken on either side apply to both copies before anything is compared.
  const localDoc = applyDecisions(toProseMirror(local.body), newDecisions)
  const incomingDoc = applyDecisions(toProseMirror(theirs.body), decisions)
  const decided = new Set(decisions.map((d) => d.id))
  const body = mergeAnnotations(localDoc, incomingDoc, (id) => decided.has(id))

  const threads = mergeThreads(local.comments ?? [], theirs.comments ?? [])
  const conflicts = [...body.conflicts, ...threads.conflicts, ...lostAnchors(incomingDoc, body.doc, theirs), ...statusConflict(local, theirs)]
  const localThreads = new Set((local.comments ?? []).map((t) => t.id))
  const merged: Article = { ...local, body: body.doc.toJSON() as BodyDoc, comments: threads.threads }
  if (decisions.length > 0) merged.suggestionDecisions = decisions
  return {
    merged,
    conflicts,
    added: {
      suggestions: body.suggestionsAdded,
      threads: threads.threads.filter((t) => !localThreads.has(t.id)).length,
      decisions: newDecisions.length
    }
  }
}

function applyDecisions(doc: PMNode, decisions: readonly SuggestionDecision[]): PMNode {
  if (decisions.length === 0) return doc
  const tr = new Transform(doc)
  const verdict = new Map(decisions.map((d) => [d.id, d.decision]))
  decideSuggestions(tr, 'accept', (id) => verdict.get(id) === 'accepted')
  decideSuggestions(tr, 'reject', (id) => verdict.get(id) === 'rejected')
  return tr.doc
}

/** Threads anchored in the bundle whose words are not in the merged text. */
function lostAnchors(incoming: PMNode, merged: PMNode, theirs: Article): MergeConflict[] {
  const anchoredHere = new Set(commentAnchors(merged).map((a) => a.threadId))
  return commentAnchors(incoming)
    .filter((anchor) => !anchoredHere.has(anchor.threadId))
    .map((anchor) => {
      const author = theirs.comments?.find((t) => t.id === anchor.threadId)?.messages[0]?.author.name ?? 'A reviewer'
      return {
        kind: 'comment-anchor-lost' as const,
        threadId: anchor.threadId,
        message: `The words “${shorten(anchor.text)}” that ${author}’s comment is on have changed here; the comment is kept without its place in the text.`
      }
    })
}

function statusConflict(local: Article, theirs: Article): MergeConflict[] {
  if (local.status === theirs.status) return []
  const last = theirs.statusHistory?.at(-1)
  const who = last && last.to === theirs.status ? ` (${last.by.name}, ${last.at.slice(0, 10)})` : ''
  return [
    {
      kind: 'status-differs',
      message: `In the bundle this article is “${statusLabels[theirs.status]}”${who}; here it is “${statusLabels[local.status]}”. Change the status here if you agree.`
    }
  ]
}
