import { dequal } from 'dequal'
import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { editableFieldsSchema, type Article, type ArticleStatus, type EditableFields } from '../../../shared/article/article'
import { slugify } from '../../../shared/article/slug'
import type { ArticleSummary } from '../../../shared/library-api'
import { AfterTyping } from '../lib/after-typing'
import { call, errorMessage } from '../lib/api'
import { sendSave } from './saving/article-saves'
import { ArticleSaver } from './saving/article-saver'

export type ArticleMeta = Omit<EditableFields, 'body'>

/**
 * `opening`: which loading of an article this is, unique in the window (see EditorArea's key). `refreshed`: how many
 * times the library's copy, changed elsewhere, was brought into this one (refresh).
 */
export type OpenSession = { kind: 'open'; article: Article; meta: ArticleMeta; saver: ArticleSaver; opening: number; refreshed: number }
export type Session = { kind: 'none' } | { kind: 'loading' } | { kind: 'failed'; message: string } | OpenSession

const metaKeys = Object.keys(editableFieldsSchema.shape).filter((key) => key !== 'body') as (keyof ArticleMeta)[]
/** What the inspector edits: the editable fields other than the body (review records stay the library's). */
const metaOf = (article: Article): ArticleMeta => Object.fromEntries(metaKeys.map((key) => [key, article[key]])) as ArticleMeta

/**
 * Local edits win; the library's answer only settles what it derives itself:
 * a slug that follows the title, and the status (a save may send an approved
 * article back to review).
 */
function settle(meta: ArticleMeta, saved: Article): ArticleMeta {
  const slug = !meta.slugLocked && meta.title === saved.title ? saved.slug : meta.slug
  // The same object when nothing moved, as after most autosaves: the details keep their fields as drawn.
  return slug === meta.slug && saved.status === meta.status ? meta : { ...meta, status: saved.status, slug }
}

/** Until a person edits the slug it follows the title; the library makes it unique on save. */
function withChanges(meta: ArticleMeta, changes: Partial<ArticleMeta>): ArticleMeta {
  const next = { ...meta, ...changes }
  const follows = changes.title !== undefined || changes.slugLocked === false
  if (follows && !next.slugLocked && changes.slug === undefined) next.slug = slugify(next.title)
  return next
}

/** How many times an article was loaded in this window: each loading's number (OpenSession's `opening`). */
let openings = 0
// Saves still running for articles that were just closed: reopening one waits for them.
const closingSaves = new Map<string, Promise<void>>()

interface Callbacks {
  /** After the library changed the open article (a save, a status step, a restored revision), with its new list row. */
  onArticleChanged: (saved: ArticleSummary) => void
  onError: (error: unknown) => void
}

interface Loaded {
  id: string
  session: Exclude<Session, { kind: 'none' } | { kind: 'loading' }>
}

/**
 * The open article: loaded from the library, edited locally, saved by its
 * ArticleSaver. Switching to another article flushes the previous one's last
 * changes first; that save goes on in the background while the next loads.
 */
export function useArticleSession(articleId: string | null, callbacks: Callbacks) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  // Bumped to load the open article again after the library changed it (a restored revision).
  const [generation, setGeneration] = useState(0)
  const latest = useRef(callbacks)
  useEffect(() => {
    latest.current = callbacks
  })
  /**
   * The open session's autosave answers, drawn once typing pauses (after-typing.ts): the list row, and the stored
   * article with the details it settles. Changes made here (a status step, a reload) run them first, so an older
   * answer never lands over a newer change.
   */
  const answers = useRef<{ row: AfterTyping; article: AfterTyping } | null>(null)
  const settleAnswers = useCallback(() => {
    answers.current?.row.flush()
    answers.current?.article.flush()
  }, [])

  useEffect(() => {
    if (articleId === null) return
    let live = true
    let saver: ArticleSaver | null = null
    let title = ''
    const load = async (): Promise<void> => {
      await closingSaves.get(articleId)
      const { article, bodyFingerprint } = await call('openArticle', { id: articleId })
      if (!live) return
      title = article.title
      // This session's own: the last save after switching away still brings the sidebar its row.
      const waiting = { row: new AfterTyping(), article: new AfterTyping() }
      const opened = new ArticleSaver(
        {
          save: async (changes, basis) => {
            const saved = await sendSave(articleId, changes, basis)
            // A transition, like the answer below: drawing the list row and the details gives way to keys typed meanwhile.
            waiting.row.set(() => startTransition(() => latest.current.onArticleChanged(saved.summary)))
            return saved
          },
          onSaved: (saved) => {
            title = saved.title
            if (!live) return
            waiting.article.set(() =>
              startTransition(() =>
                setLoaded((l) =>
                  l?.session.kind === 'open' && l.session.saver === opened
                    ? { id: l.id, session: { ...l.session, article: saved, meta: settle(l.session.meta, saved) } }
                    : l
                )
              )
            )
          }
        },
        { body: article.body, fingerprint: bodyFingerprint }
      )
      saver = opened
      answers.current = waiting
      setLoaded({ id: articleId, session: { kind: 'open', article, meta: metaOf(article), saver: opened, opening: ++openings, refreshed: 0 } })
    }
    load().catch((error: unknown) => {
      if (live) setLoaded({ id: articleId, session: { kind: 'failed', message: errorMessage(error) } })
    })

    return () => {
      live = false
      // Opening the same article again later must load it afresh, not show this session.
      setLoaded((l) => (l?.id === articleId ? null : l))
      const closing = saver
      if (!closing) return
      const done = closing.flush().then(() => {
        const { status } = closing
        if (status.state === 'failed') {
          latest.current.onError(new Error(`Your last changes to “${title || 'Untitled'}” were not saved: ${status.reason}`))
        }
      })
      closingSaves.set(articleId, done)
      void done.finally(() => {
        if (closingSaves.get(articleId) === done) closingSaves.delete(articleId)
      })
    }
  }, [articleId, generation])

  /** Loads the open article again; with its new list row when the change came from here, so the sidebar shows it too. */
  const reload = useCallback(
    (changed?: ArticleSummary) => {
      settleAnswers()
      if (changed) latest.current.onArticleChanged(changed)
      setGeneration((g) => g + 1)
    },
    [settleAnswers]
  )

  const session: Session = articleId === null ? { kind: 'none' } : loaded?.id === articleId ? loaded.session : { kind: 'loading' }
  const saver = session.kind === 'open' ? session.saver : null

  const editMeta = useCallback(
    (edit: (session: OpenSession) => ArticleMeta) =>
      setLoaded((l) => (l?.session.kind === 'open' && l.session.saver === saver ? { id: l.id, session: { ...l.session, meta: edit(l.session) } } : l)),
    [saver]
  )

  /** Applies metadata edits locally at once and queues them for autosave. */
  const update = useCallback(
    (changes: Partial<ArticleMeta>) => {
      if (!saver) return
      saver.change(changes)
      editMeta((s) => withChanges(s.meta, changes))
    },
    [saver, editMeta]
  )

  /**
   * Keeps a hand-edited slug, or (null) lets it follow the title again. Sent
   * on its own: if another article has the slug, the refusal comes back here
   * and the slug shown goes back to the stored one.
   */
  const changeSlug = useCallback(
    async (slug: string | null): Promise<void> => {
      if (!saver) return
      const changes: Partial<ArticleMeta> = slug === null ? { slugLocked: false } : { slug, slugLocked: true }
      editMeta((s) => withChanges(s.meta, changes))
      try {
        await saver.commit(changes)
      } catch (error) {
        editMeta((s) => ({ ...s.meta, slug: s.article.slug, slugLocked: s.article.slugLocked }))
        throw error
      }
    },
    [saver, editMeta]
  )

  /**
   * Moves the article through the review workflow. The library signs the step
   * with the writer's profile and refuses steps the workflow does not allow;
   * the refusal, in words, goes back to the caller. The note says why
   * (required to approve an article that fails the checklist).
   */
  const changeStatus = useCallback(
    async (to: ArticleStatus, note?: string): Promise<void> => {
      if (!saver || articleId === null) return
      const { article: changed, summary } = await call('changeStatus', { id: articleId, to, ...(note ? { note } : {}) })
      settleAnswers()
      latest.current.onArticleChanged(summary)
      setLoaded((l) =>
        l?.session.kind === 'open' && l.session.saver === saver
          ? { id: l.id, session: { ...l.session, article: changed, meta: { ...l.session.meta, status: changed.status } } }
          : l
      )
    },
    [saver, articleId, settleAnswers]
  )

  /**
   * Brings in what the library's copy of the open article gained elsewhere (a
   * sync, a review bundle) without opening it again: the text typed meanwhile,
   * the cursor and the undo history stay. What was typed here is saved first,
   * so the library merges it with what came in.
   */
  const refresh = useCallback(async (): Promise<void> => {
    if (!saver || articleId === null) return
    await saver.flush()
    const { article, bodyFingerprint } = await call('openArticle', { id: articleId })
    saver.adopt(article.body, bodyFingerprint)
    settleAnswers()
    setLoaded((l) => {
      const open = l?.session.kind === 'open' && l.session.saver === saver ? l.session : null
      if (!l || !open) return l
      // Fields edited here and not sent yet keep their values; the rest show the library's.
      const unsent = Object.fromEntries(metaKeys.filter((key) => key in saver.unsent).map((key) => [key, open.meta[key]]))
      const meta = { ...metaOf(article), ...unsent }
      // Most syncs bring nothing for the open article: nothing to draw again.
      if (dequal(meta, open.meta) && dequal(article, open.article)) return l
      return { id: l.id, session: { ...open, article, meta, refreshed: open.refreshed + 1 } }
    })
  }, [saver, articleId, settleAnswers])

  return { session, update, changeSlug, changeStatus, reload, refresh }
}
