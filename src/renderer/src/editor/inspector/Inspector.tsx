import { useCallback, useMemo } from 'react'
import type { ArticleStatus } from '../../../../shared/article/article'
import { editedSinceApproval } from '../../../../shared/review/approval'
import { ApprovalNotice } from '../../review/panel/ApprovalNotice'
import type { ReviewRole } from '../../../../shared/review/actor'
import type { ArticleMeta, Session } from '../useArticleSession'
import { descriptionHint } from './description-hint'
import { FeaturedImageField } from './FeaturedImageField'
import { Field } from './Field'
import { RelatedField } from './RelatedField'
import { SlugField } from './SlugField'
import { StatusField } from './StatusField'
import { TokenField } from './TokenField'
import { useLibraryArticles } from './useLibraryArticles'

interface Props {
  session: Session
  update: (changes: Partial<ArticleMeta>) => void
  changeSlug: (slug: string | null) => Promise<void>
  changeStatus: (to: ArticleStatus) => Promise<void>
  mediaUrl: (src: string) => string
  onError: (error: unknown) => void
  /** The profile's role: which status steps to offer. */
  role: ReviewRole
  /** Above the details: asks for the profile on first run. */
  profilePrompt?: React.ReactNode
  /** The review panels, under the details. */
  review?: React.ReactNode
}

const distinct = (values: string[]): string[] => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b))

function OpenInspector({ session, update, changeSlug, changeStatus, mediaUrl, onError, role }: Props & { session: Extract<Session, { kind: 'open' }> }): React.JSX.Element {
  const { meta, article, saver } = session
  const edited = useMemo(() => editedSinceApproval(article), [article])
  const flush = useCallback(() => saver.flush(), [saver])
  const articles = useLibraryArticles(article.id, onError)
  const known = articles ?? []

  return (
    <form className="inspector-fields" onSubmit={(event) => event.preventDefault()}>
      <Field label="Title">
        {({ id }) => <input id={id} value={meta.title} maxLength={300} onChange={(event) => update({ title: event.target.value })} />}
      </Field>
      <SlugField slug={meta.slug} locked={meta.slugLocked} onCommit={changeSlug} />
      <Field label="Dek" hint="The line under the title.">
        {({ id, describedBy }) => (
          <textarea id={id} aria-describedby={describedBy} rows={2} maxLength={1000} value={meta.dek} onChange={(event) => update({ dek: event.target.value })} />
        )}
      </Field>
      <StatusField status={meta.status} role={role} edited={edited} onChange={changeStatus} />
      <ApprovalNotice article={article} flush={flush} onError={onError} />
      <Field label="Authors">
        {({ id, describedBy }) => (
          <TokenField id={id} describedBy={describedBy} noun="author" values={meta.authors} max={20} maxLength={200} suggestions={distinct(known.flatMap((a) => a.authors))} onChange={(authors) => update({ authors })} />
        )}
      </Field>
      <Field label="Tags">
        {({ id, describedBy }) => (
          <TokenField id={id} describedBy={describedBy} noun="tag" values={meta.tags} max={50} maxLength={100} suggestions={distinct(known.flatMap((a) => a.tags))} onChange={(tags) => update({ tags })} />
        )}
      </Field>
      <Field label="Category">
        {({ id }) => (
          <>
            <input id={id} list={`${id}-categories`} maxLength={200} value={meta.category} onChange={(event) => update({ category: event.target.value })} />
            <datalist id={`${id}-categories`}>
              {distinct(known.map((a) => a.category)).map((category) => (
                <option key={category} value={category} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Description" hint={descriptionHint(meta.description.length)}>
        {({ id, describedBy }) => (
          <textarea id={id} aria-describedby={describedBy} rows={3} maxLength={1000} value={meta.description} onChange={(event) => update({ description: event.target.value })} />
        )}
      </Field>
      <FeaturedImageField image={meta.featuredImage} mediaUrl={mediaUrl} onChange={(featuredImage) => update({ featuredImage })} onError={onError} />
      <Field label="Publish date">
        {({ id }) => (
          <input id={id} type="date" value={meta.publishDate?.slice(0, 10) ?? ''} onChange={(event) => update({ publishDate: event.target.value || null })} />
        )}
      </Field>
      <RelatedField selfId={article.id} ids={meta.related} articles={articles} max={20} onChange={(related) => update({ related })} />
    </form>
  )
}

/** The open article's metadata, edited in place and saved with the body. */
export function Inspector(props: Props): React.JSX.Element {
  const { session } = props
  return (
    <aside className="inspector" aria-label="Article details">
      {props.profilePrompt}
      <h2>Details</h2>
      {session.kind === 'open' ? (
        <OpenInspector key={session.article.id} {...props} session={session} />
      ) : (
        <p className="empty">Open an article to see its title, slug, authors and status.</p>
      )}
      {props.review}
    </aside>
  )
}
