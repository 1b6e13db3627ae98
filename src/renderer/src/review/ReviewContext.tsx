import type { Editor } from '@tiptap/core'
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../shared/library-api'
import type { Actor } from '../../../shared/review/actor'
import type { CommentThread } from '../../../shared/review/comment-thread-schema'
import type { SuggestionDecision } from '../../../shared/review/suggestion-decision-schema'
import type { ArticleSaver } from '../editor/saving/article-saver'
import type { Session } from '../editor/useArticleSession'

export interface Review {
  profile: Actor | null
  articleId: string | null
  threads: CommentThread[]
  /** Changes the open article's comment threads; they are saved with the body. */
  changeThreads: (change: (threads: CommentThread[]) => CommentThread[]) => void
  /** Records accepted or rejected suggestions; saved with the body they changed. */
  recordDecisions: (records: SuggestionDecision[]) => void
  suggesting: boolean
  setSuggesting: React.Dispatch<React.SetStateAction<boolean>>
  /** The open article's editor, once it is on screen. */
  editor: Editor | null
  attachEditor: (editor: Editor | null) => void
  /** Saves what is pending now. */
  flush: () => Promise<void>
  /**
   * Saves what is pending, then loads the article again (after a restore);
   * `changed`, the article's new list row, goes to the sidebar.
   */
  reload: (changed?: ArticleSummary) => Promise<void>
  /** Brings into the open article what the library's copy gained elsewhere (a merged bundle), keeping what is typed meanwhile. */
  refresh: () => Promise<void>
  onError: (error: unknown) => void
}

const ReviewContext = createContext<Review | null>(null)
const noThreads: CommentThread[] = []

export function useReview(): Review {
  const review = useContext(ReviewContext)
  if (!review) throw new Error('useReview needs a ReviewProvider')
  return review
}

interface Local {
  saver: ArticleSaver
  /** The session's `refreshed` these records took in. */
  refreshed: number
  threads: CommentThread[]
  decisions: SuggestionDecision[]
}

/**
 * The library's records once its copy of the article changed elsewhere: they
 * hold every record saved from here too (records only grow). Records changed
 * here and not sent yet (`unsent`) keep this window's version, and those of
 * the library not among them join them.
 */
function afterRefresh<T extends { id: string }>(here: T[], stored: T[] | undefined, unsent: boolean): T[] {
  if (!unsent) return stored ?? []
  const known = new Set(here.map((record) => record.id))
  const added = (stored ?? []).filter((record) => !known.has(record.id))
  return added.length ? [...here, ...added] : here
}

interface Props {
  session: Session
  profile: Actor | null
  reload: (changed?: ArticleSummary) => void
  refresh: () => Promise<void>
  onError: (error: unknown) => void
  children: React.ReactNode
}

/**
 * The open article's review work in the editor: its comment threads and the
 * decisions taken on suggestions, kept here and handed to the article's
 * saver, so they reach the library in the same save as the body they belong
 * to (a comment's anchor is a mark in the body). Starts afresh with each
 * opened article (each saver).
 */
export function ReviewProvider({ session, profile, reload, refresh, onError, children }: Props): React.JSX.Element {
  const open = session.kind === 'open' ? session : null
  const [local, setLocal] = useState<Local | null>(null)
  const [suggesting, setSuggesting] = useState(false)
  const [editor, attachEditor] = useState<Editor | null>(null)
  const current = useRef<Local | null>(null)

  let state = local
  if (open && state?.saver !== open.saver) {
    state = { saver: open.saver, refreshed: open.refreshed, threads: open.article.comments ?? [], decisions: open.article.suggestionDecisions ?? [] }
    setLocal(state)
  } else if (open && state && state.refreshed !== open.refreshed) {
    const { article, saver, refreshed: times } = open
    const threads = afterRefresh(state.threads, article.comments, 'comments' in saver.unsent)
    state = { ...state, refreshed: times, threads, decisions: afterRefresh(state.decisions, article.suggestionDecisions, 'suggestionDecisions' in saver.unsent) }
    setLocal(state)
  }
  useLayoutEffect(() => {
    current.current = open ? state : null
  })

  const commit = useCallback((next: Local, changes: Parameters<ArticleSaver['change']>[0]) => {
    current.current = next
    setLocal(next)
    next.saver.change(changes)
  }, [])

  const changeThreads = useCallback(
    (change: (threads: CommentThread[]) => CommentThread[]) => {
      const now = current.current
      if (!now) return
      const threads = change(now.threads)
      commit({ ...now, threads }, { comments: threads })
    },
    [commit]
  )

  const recordDecisions = useCallback(
    (records: SuggestionDecision[]) => {
      const now = current.current
      if (!now || records.length === 0) return
      // The whole record each time: pending changes replace each other field by field.
      const decisions = [...now.decisions, ...records]
      commit({ ...now, decisions }, { suggestionDecisions: decisions })
    },
    [commit]
  )

  const saver = open?.saver
  const flush = useCallback(async () => {
    await saver?.flush()
  }, [saver])
  const reloadSaved = useCallback(
    async (changed?: ArticleSummary) => {
      await flush()
      reload(changed)
    },
    [flush, reload]
  )

  // By the article's id, not the session: each autosave brings a new session, and every panel using this would redraw for it.
  const articleId = open?.article.id ?? null
  const threads = open && state ? state.threads : noThreads
  const value = useMemo<Review>(
    () => ({
      profile,
      articleId,
      threads,
      changeThreads,
      recordDecisions,
      suggesting,
      setSuggesting,
      editor,
      attachEditor,
      flush,
      reload: reloadSaved,
      refresh,
      onError
    }),
    [profile, articleId, threads, changeThreads, recordDecisions, suggesting, editor, flush, reloadSaved, refresh, onError]
  )
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>
}
