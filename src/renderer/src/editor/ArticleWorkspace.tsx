// In the schema library's own chunk (electron.vite.config.ts): whichever chunk loads zod first sets it, before any schema is built.
import '../zod-jitless'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ArticleSummary } from '../../../shared/library-api'
import type { syncIntervals } from '../../../shared/settings'
import { ConflictBanner } from '../sync/ConflictBanner'
import { SyncStatusItem } from '../sync/SyncStatusItem'
import { useSync } from '../sync/useSync'
import '../sync/sync.css'
import './prosemirror-base.css'
import './editor.css'
import { StatusBar, type StatusBarProps } from '../shell/StatusBar'
import type { BodyStats } from './ArticleEditor'
import { EditorArea, preloadArticleEditor } from './EditorArea'
import { EditorServicesContext, type EditorServices } from './editor-services'
import { Inspector } from './inspector/Inspector'
import { SaveIndicator } from './saving/SaveIndicator'
import { useCommand } from '../shell/useCommand'
import { useArticleSession } from './useArticleSession'
import { sameStats, WordCount } from './WordCount'
import { LiveValue } from '../lib/live-value'
import { usePromos } from './usePromos'
import '../review/review.css'
import { FirstRunProfile } from '../review/profile/FirstRunProfile'
import { ProfileControl } from '../review/profile/ProfileControl'
import { useProfile } from '../review/profile/useProfile'
import { ReviewProvider } from '../review/ReviewContext'
import { preloadArticleReview, ReviewPanel } from '../review/panel/ReviewPanel'
import { useReviewStatus } from '../review/panel/useReviewStatus'
import { lazyView } from '../lib/lazy-view'

/**
 * The code an open article needs, which the window leaves out of what it loads first. Loaded once the library
 * shows (App), and at the latest as an article is asked for, alongside reading it. A failed load shows where the
 * view is drawn.
 */
export const preloadArticleViews = (): void => void Promise.all([preloadArticleEditor(), preloadArticleReview()]).catch(() => undefined)

const ConflictView = lazyView(() => import('../sync/ConflictView').then((module) => module.ConflictView))
const ShareLibraryDialog = lazyView(() => import('../sync/ShareLibraryDialog').then((module) => module.ShareLibraryDialog))

interface Props {
  articleId: string | null
  /** The article was just created: its title takes the cursor. */
  focusTitle: boolean
  /** Whether the details panel shows; when it does not, its first-run question floats over the desk. */
  detailsOpen: boolean
  /** Opens the export dialog for the open article. */
  onExport: () => void
  /** Prefix that turns a stored `media/…` path into an address the window can load. */
  mediaBaseUrl: string
  /** Called with the article's new list row after a change, so the library list can show it. */
  onArticleChanged: (saved: ArticleSummary) => void
  onError: (error: unknown) => void
  statusBar: StatusBarProps
  /** The automatic sync setting, and how to change it. */
  sync: { everyMinutes: number; onEveryChange: (minutes: (typeof syncIntervals)[number]) => void }
}

/**
 * The open article across the window's regions: the editor (main), its
 * details (inspector) and its save state and counts (status bar). Saves on
 * Ctrl/Cmd+S and the menu's Save, and starts the last save as the window closes.
 */
export function ArticleWorkspace({ articleId, focusTitle, detailsOpen, onExport, mediaBaseUrl, onArticleChanged, onError, statusBar, sync }: Props): React.JSX.Element {
  const { session, update, changeSlug, changeStatus, reload, refresh } = useArticleSession(articleId, { onArticleChanged, onError })
  useEffect(() => {
    if (articleId) preloadArticleViews()
  }, [articleId])
  // The count changes as people type: only the status bar's WordCount redraws for it, not this workspace.
  const stats = useMemo(() => new LiveValue<BodyStats | null>(null, sameStats), [])
  const { promos, refresh: refreshPromos } = usePromos(onError)
  const saver = session.kind === 'open' ? session.saver : null
  const profileState = useProfile(onError)
  const profile = profileState.loaded ? profileState.profile : null
  const flush = useCallback(async () => {
    await saver?.flush()
  }, [saver])
  const review = useReviewStatus(articleId, changeStatus, flush)

  const openArticle = session.kind === 'open' ? session.article : null
  // A sync may have merged others' work into the open article, or into the copy a save answered with meanwhile.
  const syncing = useSync({ everyMinutes: sync.everyMinutes, beforeSync: flush, afterSync: refresh, onError })
  const [sharing, setSharing] = useState(false)
  const [comparing, setComparing] = useState(false)
  useEffect(() => window.copydesk.on('menu', (command) => command === 'share-library' && setSharing(true)), [])
  const compare = useCallback(async () => {
    // The comparison reads the article as stored: what was typed goes there first.
    await flush()
    setComparing(true)
  }, [flush])

  const services = useMemo<EditorServices>(
    () => ({ mediaUrl: (src) => (src.startsWith('media/') ? `${mediaBaseUrl}${src}` : src), promos, refreshPromos, onError }),
    [mediaBaseUrl, promos, refreshPromos, onError]
  )

  // Saving is never blocked: a dialog may be open over the text it saves.
  useCommand('save', () => void saver?.flush(), { enabled: saver !== null, inDialogs: true })
  useEffect(() => {
    if (!saver) return
    // Nothing asynchronous runs once the page goes: the request must leave now.
    const onLeave = (): void => saver.flushNow()
    window.addEventListener('beforeunload', onLeave)
    window.addEventListener('pagehide', onLeave)
    return () => {
      window.removeEventListener('beforeunload', onLeave)
      window.removeEventListener('pagehide', onLeave)
    }
  }, [saver])

  return (
    <EditorServicesContext.Provider value={services}>
      <ReviewProvider session={session} profile={profile} reload={reload} refresh={refresh} onError={onError}>
        <EditorArea
          session={session}
          update={update}
          onStats={stats.set}
          onError={onError}
          focusTitle={focusTitle}
          onExport={onExport}
          banner={openArticle?.syncConflict && <ConflictBanner conflict={openArticle.syncConflict} onCompare={() => void compare().catch(onError)} />}
        />
        <Inspector
          session={session}
          update={update}
          changeSlug={changeSlug}
          changeStatus={review.changeStatus}
          mediaUrl={services.mediaUrl}
          onError={onError}
          role={profile?.role ?? 'writer'}
          profilePrompt={detailsOpen && <FirstRunProfile state={profileState} />}
          review={<ReviewPanel article={session.kind === 'open' ? session.article : null} />}
        />
        {review.dialog}
        {!detailsOpen && (
          <div className="floating-profile-prompt">
            <FirstRunProfile state={profileState} />
          </div>
        )}
      </ReviewProvider>
      {comparing && openArticle && (
        <ConflictView
          article={openArticle}
          onClose={() => setComparing(false)}
          onResolved={(saved) => {
            setComparing(false)
            reload(saved.summary)
            syncing.refresh()
          }}
        />
      )}
      {sharing && (
        <ShareLibraryDialog
          shared={syncing.status !== null && syncing.status.state !== 'not-shared'}
          everyMinutes={sync.everyMinutes}
          onEveryChange={sync.onEveryChange}
          onClose={() => setSharing(false)}
          onShared={(status) => {
            setSharing(false)
            syncing.setStatus(status)
          }}
        />
      )}
      <StatusBar
        {...statusBar}
        sync={<SyncStatusItem status={syncing.status} syncing={syncing.syncing} onSync={() => void syncing.syncNow()} onShare={() => setSharing(true)} />}
      >
        <ProfileControl state={profileState} />
        {saver && <SaveIndicator saver={saver} />}
        {saver && <WordCount stats={stats} />}
      </StatusBar>
    </EditorServicesContext.Provider>
  )
}
