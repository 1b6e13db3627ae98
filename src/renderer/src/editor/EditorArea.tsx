import { useCallback } from 'react'
import { lazyView } from '../lib/lazy-view'
import type { BodyStats } from './ArticleEditor'
import type { ArticleMeta, Session } from './useArticleSession'

/**
 * Tiptap, ProseMirror and every block: most of the app's code, none of it needed before an article opens.
 * While it loads, the column says what it says while the article itself loads.
 */
const ArticleEditor = lazyView(
  () => import('./ArticleEditor').then((module) => module.ArticleEditor),
  <div className="editor-empty">
    <p>Opening…</p>
  </div>
)

export const preloadArticleEditor = ArticleEditor.preload

interface Props {
  session: Session
  update: (changes: Partial<ArticleMeta>) => void
  onStats: (stats: BodyStats) => void
  onError: (error: unknown) => void
  /** The open article was just created: the cursor starts in its title. */
  focusTitle: boolean
  onExport: () => void
  /** Shown above the open article (a sync conflict's banner). */
  banner?: React.ReactNode
}

/** The writing column: the open article's editor, or what to do when none is open. */
export function EditorArea({ session, update, onStats, onError, focusTitle, onExport, banner }: Props): React.JSX.Element {
  // Stable, so typing in the inspector does not redraw the editor and its toolbar.
  const changeTitle = useCallback((title: string) => update({ title }), [update])
  return (
    <main className="editor-area" aria-label="Editor" aria-busy={session.kind === 'loading'}>
      {session.kind === 'open' && banner}
      {session.kind === 'open' ? (
        // One editor per loading of the article: a reload (a merged bundle, a restored revision) must never leave the
        // last loading's editor, with its text, serving the new session, as it would if React met both in one render.
        <ArticleEditor
          key={session.opening}
          body={session.article.body}
          saver={session.saver}
          title={session.meta.title}
          onTitleChange={changeTitle}
          focusTitle={focusTitle}
          onExport={onExport}
          onStats={onStats}
          onError={onError}
        />
      ) : (
        <div className="editor-empty">
          {session.kind === 'failed' ? (
            <>
              <h1>This article could not be opened</h1>
              <p role="alert">{session.message}</p>
            </>
          ) : session.kind === 'loading' ? (
            <p>Opening…</p>
          ) : (
            <>
              <h1>Copydesk</h1>
              <p>Pick an article in the library, or start a new one.</p>
            </>
          )}
        </div>
      )}
    </main>
  )
}
