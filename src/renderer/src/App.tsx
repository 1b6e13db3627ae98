import { memo, useCallback, useEffect, useMemo, useState } from 'react'
import type { ArticleSummary } from '../../shared/library-api'
import type { SettingsView, Theme } from '../../shared/settings'
import { call, errorMessage } from './lib/api'
import { useAppliedTheme } from './lib/useTheme'
import { lazyView } from './lib/lazy-view'
import { Sidebar } from './library/Sidebar'
import { Notice, type NoticeMessage } from './shell/Notice'
import { ExportDialogs, type ExportRequest } from './export/ExportDialogs'
import { LayoutButtons } from './shell/LayoutButtons'
import { ShortcutSheet } from './shell/ShortcutSheet'
import { useWorkspaceLayout } from './shell/useWorkspaceLayout'
import type { RunningStart } from './shell/StartupGate'

const workspace = () => import('./editor/ArticleWorkspace')
/** The writing column while the workspace's code is not there yet: blank, and saying so to assistive technology. */
const workspacePlaceholder = <main className="editor-area" aria-label="Editor" aria-busy="true" />
/**
 * The open article's regions (editor, details, status bar) and all they use: the window draws the library without them.
 * Memoized: every autosave brings the frame a new list row for the sidebar, and redrawing the whole workspace with it
 * cost the keystroke that landed meanwhile a long task.
 */
const ArticleWorkspace = memo(lazyView(() => workspace().then((module) => module.ArticleWorkspace), workspacePlaceholder))
/** Runs `then` once the frame being drawn has been painted. */
const afterPaint = (then: () => void): void => void requestAnimationFrame(() => setTimeout(then))

/**
 * The workstation frame. Which article is open lives here; each region
 * loads what it shows through window.copydesk and listens to the menu
 * commands that concern it.
 */
export function App({ start }: { start: RunningStart }): React.JSX.Element {
  const info = start.appInfo
  const [settings, setSettings] = useState<SettingsView>(start.settings)
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const [openArticleId, setOpenArticleId] = useState<string | null>(null)
  /** The article just created: its title takes the cursor when it opens. */
  const [newArticleId, setNewArticleId] = useState<string | null>(null)
  const layout = useWorkspaceLayout()
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null)
  /** The list row of the article changed last (autosave, a status step, a restore): the sidebar puts it in place, as autosave runs every second of typing. */
  const [lastSaved, setLastSaved] = useState<ArticleSummary | null>(null)
  /**
   * Whether the workspace is drawn: once the library list has painted, so its code (and then the editor's and the
   * review's, for opening an article at once) loads after the list is on screen, not in its way; at once when an article is asked for.
   */
  const [workspaceDue, setWorkspaceDue] = useState(false)
  const listShown = useCallback(
    () =>
      afterPaint(() => {
        setWorkspaceDue(true)
        void workspace().then((module) => module.preloadArticleViews(), () => undefined)
      }),
    []
  )
  const applied = useAppliedTheme(settings.theme)

  const report = useCallback((error: unknown) => setNotice({ kind: 'error', text: errorMessage(error) }), [])
  // Stable, so the list row each autosave brings back does not redraw the editor.
  const exportOpenArticle = useCallback(() => setExportRequest({ kind: 'single', format: 'html' }), [])

  useEffect(() => window.copydesk.on('settingsChanged', setSettings), [])

  const chooseTheme = useCallback(
    (theme: Theme) => call('updateSettings', { theme }).then(setSettings, report),
    [report]
  )

  const statusBar = useMemo(
    () => ({
      version: info.version,
      theme: settings.theme,
      appliedTheme: applied,
      onThemeChange: chooseTheme,
      layoutButtons: <LayoutButtons layout={layout} />
    }),
    [info.version, settings.theme, applied, chooseTheme, layout]
  )
  const sync = useMemo(
    () => ({
      everyMinutes: settings.syncEveryMinutes,
      onEveryChange: (syncEveryMinutes: SettingsView['syncEveryMinutes']) => void call('updateSettings', { syncEveryMinutes }).then(setSettings, report)
    }),
    [settings.syncEveryMinutes, report]
  )

  return (
    <div
      className="workstation"
      data-library={layout.library ? 'open' : 'closed'}
      data-details={layout.details ? 'open' : 'closed'}
      data-focus-mode={layout.focus ? 'on' : undefined}
    >
      <Sidebar
        libraryPath={info.libraryPath}
        start={start}
        selectedId={openArticleId}
        onSelect={setOpenArticleId}
        onCreated={setNewArticleId}
        lastSaved={lastSaved}
        onError={report}
        onListShown={listShown}
      />
      {workspaceDue || openArticleId !== null ? (
        <ArticleWorkspace
          articleId={openArticleId}
          focusTitle={openArticleId !== null && openArticleId === newArticleId}
          detailsOpen={layout.details}
          onExport={exportOpenArticle}
          mediaBaseUrl={info.mediaBaseUrl}
          onArticleChanged={setLastSaved}
          onError={report}
          statusBar={statusBar}
          sync={sync}
        />
      ) : (
        workspacePlaceholder
      )}
      {layout.focus && (
        <button type="button" className="focus-exit" onClick={layout.toggleFocus}>
          Leave focus mode
        </button>
      )}
      <ShortcutSheet />
      <ExportDialogs articleId={openArticleId} requested={exportRequest} onRequestedChange={setExportRequest} onError={report} />
      {notice && <Notice message={notice} onDismiss={() => setNotice(null)} />}
    </div>
  )
}
