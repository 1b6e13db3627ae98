import * as z from 'zod'
import { channel, event, type ChannelDef, type EventDef } from './define'
import type { IpcResult } from './result'
import { ipcChannel, ipcEventChannel } from './channel-strings'
import { settingsPatchSchema, type SettingsView } from '../settings'
import type { FolderRef } from '../folders'
import type { Article } from '../article/article'
import type { ChecklistResult } from '../review/checklist'
import type { ChecklistConfig } from '../review/checklist-config'
import type { ArticleDiff } from '../review/diff/diff-types'
import type { Promo } from '../article/promo'
import {
  addMediaSchema,
  byIdSchema,
  cancelImportSchema,
  createArticleSchema,
  importFilesSchema,
  listQuerySchema,
  openLibrarySchema,
  revisionRefSchema,
  saveArticleSchema,
  savePromoSchema,
  snapshotSchema,
  type ImportProgress,
  type ImportReport,
  type LibraryInfo,
  type OpenedArticle,
  type PromoWithUsage,
  type RevisionInfo,
  type SavedArticle,
  type SavedEdit,
  type SearchHit,
  type TrashedArticle
} from '../library-api'
import {
  cancelSiteExportSchema,
  chooseSiteFolderSchema,
  runSiteExportSchema,
  singleExportSchema,
  siteExportSchema,
  type SingleExport,
  type SiteExportPlan,
  type SiteExportSetupDefaults,
  type SiteExportProgress,
  type SiteExportReport
} from '../export-api'
import {
  changeStatusSchema,
  diffRevisionsSchema,
  exportReviewBundleSchema,
  importReviewBundleSchema,
  setChecklistConfigSchema,
  type BundleImportReport
} from '../review-api'
import { resolveSyncConflictSchema, shareLibrarySchema, type SyncStatus } from '../sync-api'

export interface AppInfo {
  name: string
  version: string
  platform: string
  /** Folder of the library currently open. */
  libraryPath: string
  /** Prefix for a media path ("media/…") to show the image: 'copydesk-media://library/' in the app. */
  mediaBaseUrl: string
}

/** Why the app could not start, shown in the window with ways out. */
export interface StartupProblem {
  /** In plain words: what could not be opened and why. */
  message: string
  /** The folder that would not open, for “Show the folder”. */
  folder: string
}

/**
 * What the window draws first, in one answer: why start-up failed, or the app, the settings, the library and
 * its whole article list as the sidebar opens on it (`windowListQuery`).
 */
export type WindowStart =
  | { problem: StartupProblem }
  | { problem: null; appInfo: AppInfo; settings: SettingsView; library: LibraryInfo; articles: SearchHit[] }

/**
 * The whole API between the renderer and main. Main registers one handler per
 * key (a missing one fails type-checking), the preload exposes one method per
 * key on `window.copydesk`, and the end-to-end harness wires the same keys.
 */
export const contract = {
  /**
   * What the window shows first (WindowStart): why start-up failed (the library would not open), or once the app
   * runs, everything the sidebar draws, so the window waits on one answer. The preload asks as the page starts
   * loading. Until the app runs, every other channel answers that no library is open.
   */
  getWindowStart: channel<WindowStart>()(z.undefined()),
  /** Tries to start again; the problem if it failed again, null once the app runs. */
  retryStartup: channel<StartupProblem | null>()(z.undefined()),
  /** Asks for another library folder (native dialog) and starts with it; as retryStartup, and the same problem if cancelled. */
  startWithOtherFolder: channel<StartupProblem | null>()(z.undefined()),
  /** Shows the folder that would not open in the file manager; does nothing once the app runs. */
  showStartupFolder: channel<void>()(z.undefined()),

  getAppInfo: channel<AppInfo>()(z.undefined()),
  getSettings: channel<SettingsView>()(z.undefined()),
  updateSettings: channel<SettingsView>()(settingsPatchSchema),

  getLibraryInfo: channel<LibraryInfo>()(z.undefined()),
  /** Opens a recent library by its handle; without one, main asks with the native folder dialog. Null if cancelled. */
  openLibrary: channel<LibraryInfo | null>()(openLibrarySchema),
  /** With `query`, results are search hits ranked by relevance. */
  listArticles: channel<SearchHit[]>()(listQuerySchema),
  getArticle: channel<Article>()(byIdSchema),
  /** The article for the editor, with its body's fingerprint, so even the first autosave sends only the blocks changed. */
  openArticle: channel<OpenedArticle>()(byIdSchema),
  createArticle: channel<Article>()(createArticleSchema),
  saveArticle: channel<SavedEdit>()(saveArticleSchema),
  duplicateArticle: channel<Article>()(byIdSchema),
  trashArticle: channel<void>()(byIdSchema),
  listTrash: channel<TrashedArticle[]>()(z.undefined()),
  restoreArticle: channel<Article>()(byIdSchema),
  emptyTrash: channel<{ removed: number }>()(z.undefined()),
  listRevisions: channel<RevisionInfo[]>()(byIdSchema),
  getRevision: channel<Article>()(revisionRefSchema),
  takeSnapshot: channel<RevisionInfo>()(snapshotSchema),
  restoreRevision: channel<SavedArticle>()(revisionRefSchema),
  listPromos: channel<PromoWithUsage[]>()(z.undefined()),
  savePromo: channel<Promo>()(savePromoSchema),
  deletePromo: channel<void>()(byIdSchema),
  /** Reads each file on a worker thread, bounded in time and memory; with a jobId, sends importProgress events. */
  importFiles: channel<ImportReport>()(importFilesSchema),
  /** Stops an import: the file being read is dropped, those already imported stay. */
  cancelImport: channel<void>()(cancelImportSchema),
  addMedia: channel<{ src: string }>()(addMediaSchema),

  /** One article rendered as HTML or Markdown, for the export preview. */
  previewExport: channel<SingleExport>()(singleExportSchema),
  /** Renders the article again and writes it where the native save dialog says; null if the dialog was cancelled. */
  saveExport: channel<{ path: string } | null>()(singleExportSchema),
  /** The open library's last site-export choices, or null before its first export. */
  getSiteExportPreferences: channel<SiteExportSetupDefaults | null>()(z.undefined()),
  /** The native folder dialog for the site folder; null if cancelled. */
  chooseSiteFolder: channel<FolderRef | null>()(chooseSiteFolderSchema),
  /** The dry run: what a site export would add, change, remove and leave unchanged; writes nothing. */
  previewSiteExport: channel<SiteExportPlan>()(siteExportSchema),
  /** Runs a site export, sending siteExportProgress events with the same jobId. */
  runSiteExport: channel<SiteExportReport>()(runSiteExportSchema),
  cancelSiteExport: channel<void>()(cancelSiteExportSchema),

  /**
   * Moves an article through the review workflow, signed with the settings'
   * profile (set through updateSettings). Approving an article that fails the
   * checklist needs a note saying why. saveArticle never changes the status.
   */
  changeStatus: channel<SavedArticle>()(changeStatusSchema),
  /** The library's pre-export checklist run on one article. */
  getChecklist: channel<ChecklistResult>()(byIdSchema),
  /** The open library's checklist settings (defaults until set). */
  getChecklistConfig: channel<ChecklistConfig>()(z.undefined()),
  setChecklistConfig: channel<ChecklistConfig>()(setChecklistConfigSchema),
  /** What changed between two revisions of an article, or a revision and 'current', in words. */
  diffRevisions: channel<ArticleDiff>()(diffRevisionsSchema),
  /** Writes the articles with their review as one bundle file where the native save dialog says; null if cancelled. */
  exportReviewBundle: channel<{ path: string } | null>()(exportReviewBundleSchema),
  /** Merges a bundle file's review into the library (read as text in the renderer); conflicts are listed, never overwritten. */
  importReviewBundle: channel<BundleImportReport>()(importReviewBundleSchema),

  /** Where the shared library stands as of the last sync, without reaching the remote. */
  getSyncStatus: channel<SyncStatus>()(z.undefined()),
  /** Commits, fetches, merges with Copydesk's merge and pushes. Never fails as a call: a problem is the status's lastError, in plain words. */
  syncNow: channel<SyncStatus>()(z.undefined()),
  /** Makes the open library a git repository (or keeps the one it is), with `remote` as where it is shared; with a remote, syncs right away. */
  shareLibrary: channel<SyncStatus>()(shareLibrarySchema),
  /** Saves the body chosen from both versions of a conflicted article and clears its syncConflict flag. */
  resolveSyncConflict: channel<SavedArticle>()(resolveSyncConflictSchema)
} satisfies Record<string, ChannelDef>

/** Commands the native menu sends to the renderer. */
export const menuCommands = [
  'new-article',
  'save',
  'export-html',
  'export-markdown',
  'export-site',
  'find',
  'open-library',
  'toggle-library',
  'toggle-details',
  'focus-mode',
  'show-shortcuts',
  'sync-now',
  'share-library'
] as const
export type MenuCommand = (typeof menuCommands)[number]

export const events = {
  menu: event<MenuCommand>(),
  settingsChanged: event<SettingsView>(),
  /** The open library changed outside the current view (import, another library opened, trash emptied). */
  libraryChanged: event<LibraryInfo>(),
  /** A promo was created, changed or deleted: open promo pickers list them again. */
  promosChanged: event<{ id: string }>(),
  siteExportProgress: event<SiteExportProgress>(),
  importProgress: event<ImportProgress>()
} satisfies Record<string, EventDef>

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type EventName = keyof typeof events
export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>
export type ParsedRequestOf<K extends ChannelName> = z.output<Contract[K]['request']>
// Exclude, not NonNullable: results such as `LibraryInfo | null` and `void` must keep their shape.
export type ResultOf<K extends ChannelName> = Exclude<Contract[K]['result'], undefined>
export type EventPayload<E extends EventName> = NonNullable<(typeof events)[E]['payload']>

export const channelNames = Object.keys(contract) as ChannelName[]

export { ipcChannel, ipcEventChannel }
const byIpcChannel = new Map<string, ChannelName>(channelNames.map((name) => [ipcChannel(name), name]))
/** The contract key behind an Electron channel string, for transports that only see the string. */
export const channelForIpc = (ipc: string): ChannelName | undefined => byIpcChannel.get(ipc)

/** What the renderer sees as `window.copydesk`. */
export type CopydeskApi = {
  [K in ChannelName]: (
    ...args: RequestOf<K> extends undefined ? [] : [request: RequestOf<K>]
  ) => Promise<IpcResult<ResultOf<K>>>
} & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * Where a file the user picked or dropped lives on disk ('' for one that
   * has no path): Electron tells only the preload. The renderer sends it
   * with the file's bytes, so an import finds the images beside the file.
   */
  pathOf(file: Blob): string
}
