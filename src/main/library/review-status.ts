import type { Article } from '../../shared/article/article'
import type { ChangeStatusRequest } from '../../shared/review-api'
import type { Actor } from '../../shared/review/actor'
import { transition } from '../../shared/review/status-workflow'
import type { Library } from './library'
import { prepareChecklist } from './review-checklist'

/**
 * Moves an article (by id or slug) through the review workflow as `actor`,
 * recording the step in its history. Approving runs the library's checklist
 * on the article as stored at that moment; a failing one needs a note.
 */
export async function changeStatus(library: Library, { id, to, note }: ChangeStatusRequest, actor: Actor, today?: string): Promise<Article> {
  const checklist = to === 'approved' ? await prepareChecklist(library, today) : undefined
  return library.reviseArticle(id, (stored) => transition(stored, to, actor, note, checklist?.(stored)))
}
