import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import { flushSync } from 'react-dom'
import type { ArticleSummary } from '../../../shared/library-api'
import type { FolderRef } from '../../../shared/folders'
import { call } from '../lib/api'
import { lazyView } from '../lib/lazy-view'
import type { RunningStart } from '../shell/StartupGate'
import { ArticleList } from './ArticleList'
import { FilterBar } from './FilterBar'
import { plural } from './format'
import { ImportProgressPanel } from './ImportProgressPanel'
import { ImportReportPanel } from './ImportReportPanel'
import { LibraryHeader } from './LibraryHeader'
import { commandTitle, useLibraryCommands } from './shortcuts'
import { TrashView } from './TrashView'
import { noFilters, useArticles, type ArticleFilters } from './useArticles'
import { useImport } from './useImport'
import { useLibraryInfo } from './useLibraryInfo'
import './library.css'
// With the window, not with the promo manager's lazily loaded code: CSS that arrives later would reorder the cascade.
import '../promos/promos.css'

const PromoManager = lazyView(() => import('../promos/PromoManager').then((module) => module.PromoManager))

interface Props {
  libraryPath: string
  /** Main's first answer: the window draws the library and its list from it without asking again. */
  start: Pick<RunningStart, 'library' | 'settings' | 'articles'>
  selectedId: string | null
  onSelect: (id: string | null) => void
  /** A new article was created (and opened). */
  onCreated?: (id: string) => void
  /** The list row of the article the editor changed last, put in place without listing the library again. */
  lastSaved: ArticleSummary | null
  onError: (error: unknown) => void
  /** The article list has shown for the first time: the window's first job is done. */
  onListShown?: () => void
}

interface Trashed {
  id: string
  title: string
  wasOpen: boolean
}

const UNDO_WINDOW_MS = 10_000
const importAccept = '.md,.markdown,.html,.htm,.json,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/html,application/json'
const titleOf = (title: string): string => title.trim() || 'Untitled'
const hasFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files')

/**
 * The library: which folder is open, its articles (searchable, filtered,
 * virtualized), the trash, import by drop or picker, and the promo manager.
 */
export function Sidebar({ libraryPath, start, selectedId, onSelect, onCreated, lastSaved, onError, onListShown }: Props): React.JSX.Element {
  const [tab, setTab] = useState<'articles' | 'trash'>('articles')
  const [filters, setFilters] = useState<ArticleFilters>(noFilters)
  const [activeId, setActiveId] = useState<string | null>(selectedId)
  const [shownSelection, setShownSelection] = useState(selectedId)
  const [tick, setTick] = useState(0)
  const [trashed, setTrashed] = useState<Trashed | null>(null)
  const imports = useImport(onError)
  const dismissImport = imports.dismiss
  const [dragging, setDragging] = useState(false)
  const [promosOpen, setPromosOpen] = useState(false)
  const [noticesDismissed, setNoticesDismissed] = useState<object | null>(null)
  const busy = useRef(false)
  const fileInput = useRef<HTMLInputElement>(null)

  // The editor can open an article too (a related link): the cursor follows.
  if (selectedId !== shownSelection) {
    setShownSelection(selectedId)
    if (selectedId) setActiveId(selectedId)
  }

  const switched = useCallback(() => {
    onSelect(null)
    setActiveId(null)
    setTrashed(null)
    dismissImport()
    setFilters(noFilters)
  }, [onSelect, dismissImport])
  const library = useLibraryInfo(libraryPath, switched, onError, start)
  // Not the library's path: learning it as the window opens would list the library a second time, and the
  // list would wait for that; a switch to another folder counts as a change.
  const reloadKey = `${library.changes}|${tick}`
  const list = useArticles(filters, reloadKey, lastSaved, start.articles)
  // The promo manager shows which articles place each promo, and their titles: a save can change both.
  const promosKey = `${reloadKey}|${lastSaved?.id ?? ''}|${lastSaved?.updatedAt ?? ''}`
  const refresh = (): void => setTick((count) => count + 1)
  const currentId = activeId ?? selectedId

  useEffect(() => {
    if (!trashed) return
    const timer = setTimeout(() => setTrashed(null), UNDO_WINDOW_MS)
    return () => clearTimeout(timer)
  }, [trashed])

  /** Runs one library change at a time: a double click or a key press the menu also saw does it once. */
  const once = async (change: () => Promise<void>): Promise<void> => {
    if (busy.current) return
    busy.current = true
    try {
      await change()
    } catch (error) {
      onError(error)
    } finally {
      busy.current = false
    }
  }

  const open = (id: string): void => {
    setActiveId(id)
    onSelect(id)
  }

  const createArticle = (): Promise<void> =>
    once(async () => {
      const article = await call('createArticle', {})
      // A new article matches no search yet; show it where the writer will look for it.
      setFilters(noFilters)
      setTab('articles')
      onCreated?.(article.id)
      open(article.id)
      refresh()
    })

  const duplicate = (id: string): Promise<void> =>
    once(async () => {
      const copy = await call('duplicateArticle', { id })
      open(copy.id)
      refresh()
    })

  const trash = (id: string): Promise<void> =>
    once(async () => {
      const items = list.items ?? []
      const index = items.findIndex((hit) => hit.id === id)
      const wasOpen = selectedId === id
      // Closing it at once makes the editor send its last keystrokes now, so the library
      // saves them before it moves the file: the trash (and Undo) keep every word.
      if (wasOpen) flushSync(() => onSelect(null))
      try {
        await call('trashArticle', { id })
      } catch (error) {
        if (wasOpen) onSelect(id)
        throw error
      }
      const neighbour = items[index + 1] ?? items[index - 1]
      setActiveId(neighbour?.id ?? null)
      setTrashed({ id, title: titleOf(items[index]?.title ?? ''), wasOpen })
      refresh()
    })

  const undoTrash = (item: Trashed): Promise<void> =>
    once(async () => {
      await call('restoreArticle', { id: item.id })
      setTrashed(null)
      setActiveId(item.id)
      if (item.wasOpen) onSelect(item.id)
      refresh()
    })

  const openLibrary = (recent?: FolderRef): Promise<void> =>
    once(async () => {
      if (await library.open(recent)) setTab('articles')
    })

  const runImport = (files: File[]): Promise<void> => imports.start(files, refresh)

  useLibraryCommands((command) => void (command === 'new-article' ? createArticle() : openLibrary()))

  const listShown = list.items !== null
  useEffect(() => {
    if (listShown) onListShown?.()
  }, [listShown, onListShown])

  const notices = library.info && noticesDismissed !== library.info ? library.info.notices : []
  const items = list.items

  return (
    <nav
      className="sidebar library-sidebar"
      aria-label="Library"
      data-dragging={dragging || undefined}
      onDragEnter={(event) => hasFiles(event) && setDragging(true)}
      onDragOver={(event) => {
        if (!hasFiles(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return
        event.preventDefault()
        setDragging(false)
        void runImport([...event.dataTransfer.files])
      }}
    >
      <LibraryHeader info={library.info} fallbackPath={libraryPath} recent={library.recent} onOpen={(recent) => void openLibrary(recent)} />

      {notices.length > 0 && (
        <section className="sidebar-panel library-notices" role="status" aria-label="Library notices">
          <div className="sidebar-panel-header">
            <div>
              {notices.map((notice) => (
                <p key={notice}>{notice}</p>
              ))}
            </div>
            <button className="ghost" aria-label="Dismiss library notices" onClick={() => setNoticesDismissed(library.info)}>
              ×
            </button>
          </div>
        </section>
      )}

      <div className="sidebar-tabs">
        <div role="tablist" aria-label="Library views">
          <button role="tab" aria-selected={tab === 'articles'} onClick={() => setTab('articles')}>
            Articles
          </button>
          <button role="tab" aria-selected={tab === 'trash'} onClick={() => setTab('trash')}>
            Trash
          </button>
        </div>
        <button className="ghost" onClick={() => setPromosOpen(true)} title="Create and edit the promos articles can show">
          Promos
        </button>
      </div>

      {tab === 'trash' ? (
        <TrashView reloadKey={reloadKey} onChanged={refresh} onError={onError} />
      ) : (
        <>
          <FilterBar filters={filters} tags={list.tags} authors={list.authors} onChange={setFilters} />
          <div className="sidebar-toolbar">
            <button className="primary" onClick={() => void createArticle()} title={commandTitle('newArticle')}>
              New article
            </button>
            <button onClick={() => fileInput.current?.click()} disabled={imports.running !== null} title="Import Markdown, HTML, Word or Copydesk JSON files">
              {imports.running ? 'Importing…' : 'Import…'}
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              accept={importAccept}
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Import files"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])]
                event.target.value = ''
                void runImport(files)
              }}
            />
          </div>

          {imports.running && <ImportProgressPanel running={imports.running} onCancel={imports.cancel} />}
          {imports.report && <ImportReportPanel report={imports.report} onOpen={open} onDismiss={imports.dismiss} />}

          <p className="list-count" aria-live="polite">
            {countLine(list.loading, items?.length ?? null, list.filtering, list.searchedFor)}
          </p>

          {list.error && !list.loading ? (
            <div className="empty" role="alert">
              <p>The library could not be listed: {list.error}</p>
              <button onClick={refresh}>Try again</button>
            </div>
          ) : items === null ? (
            <p className="empty">Loading articles…</p>
          ) : items.length === 0 ? (
            list.filtering ? (
              <div className="empty">
                <p>No articles match{list.searchedFor ? ` “${list.searchedFor}”` : ''} with these filters.</p>
                <button onClick={() => setFilters(noFilters)}>Clear search and filters</button>
              </div>
            ) : (
              <p className="empty">
                No articles yet. Start one with New article, or drop Markdown, HTML or JSON files here to import them.
              </p>
            )
          ) : (
            <ArticleList
              items={items}
              selectedId={selectedId}
              activeId={activeId}
              query={list.searchedFor}
              queryKey={list.queryKey}
              onActivate={setActiveId}
              onOpen={open}
              onTrash={(id) => void trash(id)}
            />
          )}

          {trashed && (
            <div className="sidebar-footer undo-bar" role="status">
              <span>Moved “{trashed.title}” to the trash.</span>
              <button onClick={() => void undoTrash(trashed)}>Undo</button>
            </div>
          )}
          <div className="sidebar-footer">
            <button disabled={!currentId} onClick={() => currentId && void duplicate(currentId)}>
              Duplicate
            </button>
            <button disabled={!currentId} onClick={() => currentId && void trash(currentId)} title="Move to trash (Delete)">
              Move to trash
            </button>
          </div>
        </>
      )}

      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop Markdown, HTML, Word or JSON files to import them
        </div>
      )}
      {promosOpen && (
        <PromoManager
          reloadKey={promosKey}
          onClose={() => setPromosOpen(false)}
          onOpenArticle={(id) => {
            setPromosOpen(false)
            setTab('articles')
            open(id)
          }}
          onError={onError}
        />
      )}
    </nav>
  )
}

function countLine(loading: boolean, count: number | null, filtering: boolean, query: string): string {
  if (count === null || (loading && filtering)) return query ? 'Searching…' : 'Loading…'
  if (!filtering) return plural(count, 'article')
  return query ? `${plural(count, 'result')} for “${query}”` : `${plural(count, 'article')} match the filters`
}
