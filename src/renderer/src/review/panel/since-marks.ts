import { statusLabels } from '../../../../shared/article/article'
import type { RevisionInfo } from '../../../../shared/library-api'
import { when, whenExactly } from '../editing/when'
import { formatDateTimeRange } from '../../lib/time'

export type Since = 'approval' | 'review'

/** The status marks each comparison starts from: the last approval, or the last review decision (approved or changes requested). */
const sinceStatuses: Record<Since, readonly string[]> = { approval: ['approved'], review: ['approved', 'changes-requested'] }
export const sinceWords: Record<Since, string> = { approval: 'Changes since approval', review: 'Changes since the last review' }

/** The newest status mark a comparison starts from, in a history listed newest first. */
export const sinceMark = (revisions: readonly RevisionInfo[], since: Since): RevisionInfo | undefined =>
  revisions.find((revision) => revision.kind === 'status' && revision.status !== undefined && sinceStatuses[since].includes(revision.status))

/** How a revision reads in the history and in a comparison's title. */
export function revisionName(revision: RevisionInfo): string {
  if (revision.name) return revision.name
  switch (revision.kind) {
    case 'save':
      return revision.updatedAt && revision.updatedAt !== revision.createdAt
        ? `Editing session, ${formatDateTimeRange(new Date(revision.createdAt), new Date(revision.updatedAt))}`
        : `Saved ${whenExactly(revision.createdAt)}`
    case 'status':
      return `${revision.status ? statusLabels[revision.status] : 'Status changed'}, ${when(revision.createdAt)}`
    case 'restore':
      return `Restored ${whenExactly(revision.createdAt)}`
    case 'snapshot':
      return `Snapshot ${whenExactly(revision.createdAt)}`
  }
}
