import { statusLabels, type ArticleStatus } from '../../../shared/article/status'

/** The status; an approved or published article edited since approval says so, as the text is not what was approved. */
export function StatusBadge({ status, edited = false }: { status: ArticleStatus; edited?: boolean }): React.JSX.Element {
  return (
    <span className={`status-badge status-${status}`} data-edited={edited || undefined} title={edited ? 'Edited since approval' : undefined}>
      {statusLabels[status]}
      {edited && (
        <>
          {' · edited'}
          <span className="visually-hidden"> since approval</span>
        </>
      )}
    </span>
  )
}
