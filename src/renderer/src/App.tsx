import { useCallback, useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/ipc/contract'
import type { ArticleSummary } from '../../shared/library-api'
import type { SettingsView, Theme } from '../../shared/settings'
import { call, errorMessage } from './lib/api'
import { useAppliedTheme } from './lib/useTheme'
import { ArticleWorkspace, preloadArticleViews } from './editor/ArticleWorkspace'
import { Sidebar } from './library/Sidebar'
import { Notice, type NoticeMessage } from './shell/Notice'
import { ExportDialogs, type ExportRequest } from './export/ExportDialogs'
import { LayoutButtons } from './shell/LayoutButtons'
import { ShortcutSheet } from './shell/ShortcutSheet'
import { useWorkspaceLayout } from './shell/useWorkspaceLayout'

/**
 * The workstation frame. Which article is open lives here; each region
 * loads what it shows through window.copydesk and listens to the menu
 * commands that concern it.
 */
export function App(): React.JSX.Element {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  const [openArticleId, setOpenArticleId] = useState<string | null>(null)
  /** The article just created: its title takes the cursor when it opens. */
  const [newArticleId, setNewArticleId] = useState<string | null>(null)
  const layout = useWorkspaceLayout()
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null)
  /** The list row of the article changed last (autosave, a status step, a restore): the sidebar puts it in place, as autosave runs every second of typing. */
  const [lastSaved, setLastSaved] = useState<ArticleSummary | null>(null)
  const applied = useAppliedTheme(settings?.theme ?? 'system')

  const report = useCallback((error: unknown) => setNotice({ kind: 'error', text: errorMessage(error) }), [])
  // Stable, so the list row each autosave brings back does not redraw the editor.
  const exportOpenArticle = useCallback(() => setExportRequest({ kind: 'single', format: 'html' }), [])

  useEffect(() => {
    Promise.all([call('getAppInfo'), call('getSettings')]).then(([appInfo, loaded]) => {
      setInfo(appInfo)
      setSettings(loaded)
    }, report)
    return window.copydesk.on('settingsChanged', setSettings)
  }, [report])

  const chooseTheme = useCallback(
    (theme: Theme) => call('updateSettings', { theme }).then(setSettings, report),
    [report]
  )

  return (
    <div
      className="workstation"
      data-library={layout.library ? 'open' : 'closed'}
      data-details={layout.details ? 'open' : 'closed'}
      data-focus-mode={layout.focus ? 'on' : undefined}
    >
      <Sidebar
        libraryPath={info?.libraryPath ?? ''}
        selectedId={openArticleId}
        onSelect={setOpenArticleId}
        onCreated={setNewArticleId}
        lastSaved={lastSaved}
        onError={report}
        onListShown={preloadArticleViews}
      />
      <ArticleWorkspace
        articleId={openArticleId}
        focusTitle={openArticleId !== null && openArticleId === newArticleId}
        detailsOpen={layout.details}
        onExport={exportOpenArticle}
        mediaBaseUrl={info?.mediaBaseUrl ?? ''}
        onArticleChanged={setLastSaved}
        onError={report}
        statusBar={{
          version: info?.version ?? '',
          theme: settings?.theme ?? 'system',
          appliedTheme: applied,
          onThemeChange: chooseTheme,
          layoutButtons: <LayoutButtons layout={layout} />
        }}
        sync={{
          everyMinutes: settings?.syncEveryMinutes ?? 0,
          onEveryChange: (syncEveryMinutes) => void call('updateSettings', { syncEveryMinutes }).then(setSettings, report)
        }}
      />
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
