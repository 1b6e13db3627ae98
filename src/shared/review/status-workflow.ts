import { STATUS_NOTE_MAX_LENGTH, statusLabels, type Article, type ArticleStatus, type StatusChange } from '../article/article'
import { UserError } from '../ipc/result'
import type { Actor, ReviewRole } from './actor'
import type { ChecklistResult } from './checklist'
import { nowIso } from '../ids'
import { contentDigest } from './approval'

interface Step {
  to: ArticleStatus
  /** Who may take it; both roles when absent. */
  only?: ReviewRole
}

/**
 * The review workflow. Forward: a writer submits a draft for review, an
 * editor requests changes or approves, an approved article is published.
 * Back: the writer may withdraw an article from review to keep drafting and
 * resubmits after changes were requested; an approved article may go back to
 * review (somebody spotted a problem); unpublishing returns an article to
 * draft. Only editors request changes and approve.
 */
export const workflow: Record<ArticleStatus, Step[]> = {
  draft: [{ to: 'in-review' }],
  'in-review': [{ to: 'changes-requested', only: 'editor' }, { to: 'approved', only: 'editor' }, { to: 'draft' }],
  'changes-requested': [{ to: 'in-review' }, { to: 'draft' }],
  approved: [{ to: 'published' }, { to: 'in-review' }],
  published: [{ to: 'draft' }]
}

/** The statuses an actor may move an article to from `from`: what a status menu offers. */
export function nextStatuses(from: ArticleStatus, role: ReviewRole): ArticleStatus[] {
  return workflow[from].filter((step) => !step.only || step.only === role).map((step) => step.to)
}

const quoted = (status: ArticleStatus): string => `“${statusLabels[status]}”`

/**
 * Moves an article to `to` and records who did it, when and why. Approving
 * needs the checklist's result: when it fails, the editor must say in the
 * note why the article is approved anyway, and the failed items are recorded.
 */
export function transition(
  article: Article,
  to: ArticleStatus,
  actor: Actor,
  note?: string,
  checklist?: ChecklistResult,
  at: string = nowIso()
): Article {
  const from = article.status
  if (from === to) throw new UserError('invalid-input', `The article is already ${quoted(to)}.`)
  const step = workflow[from].find((s) => s.to === to)
  if (!step) {
    const options = workflow[from].map((s) => quoted(s.to)).join(' or ')
    throw new UserError('invalid-input', `An article that is ${quoted(from)} cannot go to ${quoted(to)}; it can go to ${options}.`)
  }
  if (step.only && step.only !== actor.role) {
    throw new UserError('invalid-input', `Only an editor can move an article to ${quoted(to)}; your profile says you are a ${actor.role}.`)
  }
  const trimmedNote = note?.trim() || undefined
  if (trimmedNote && trimmedNote.length > STATUS_NOTE_MAX_LENGTH)
    throw new UserError('invalid-input', `The note is too long: keep it under ${STATUS_NOTE_MAX_LENGTH} characters.`)
  const change: StatusChange = { from, to, by: actor, at, ...(trimmedNote ? { note: trimmedNote } : {}) }
  if (to === 'approved') {
    if (!checklist) throw new UserError('invalid-input', 'Run the pre-export checklist before approving the article.')
    const failed = checklist.items.filter((item) => !item.ok)
    if (failed.length > 0) {
      if (!trimmedNote) {
        const names = failed.map((item) => item.label.toLowerCase()).join(', ')
        throw new UserError(
          'invalid-input',
          `The article fails ${failed.length === 1 ? 'one checklist item' : `${failed.length} checklist items`} (${names}). To approve it anyway, write a note saying why.`,
          failed.map((item) => item.message)
        )
      }
      change.overriddenChecks = failed.map((item) => item.id)
    }
    change.approvedDigest = contentDigest(article)
  }
  return { ...article, status: to, statusHistory: [...(article.statusHistory ?? []), change] }
}
