import { access, lstat, rename, unlink } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { Article, EditableFields } from '../../shared/article/article'
import type { Promo, PromoInput } from '../../shared/article/promo'
import { slugify, uniqueSlug } from '../../shared/article/slug'
import { spliceBody, type BodyMerge, type BodyPatch } from '../../shared/article/body-patch'
import { UserError } from '../../shared/ipc/result'
import type { Actor } from '../../shared/review/actor'
import { editedSinceApproval } from '../../shared/review/approval'
import { transition } from '../../shared/review/status-workflow'
import { listFilter, listOrder, titleOrder } from '../../shared/article-list'
import type { ArticleChanges, ImportReport, LibraryInfo, ListQuery, PromoWithUsage, RevisionInfo, SearchHit, TrashedArticle } from '../../shared/library-api'
import { bodyFingerprint } from './body-fingerprint'
import { readArticleFile, reasonOf, writeArticleFile } from './article-files'
import { unreadableArticle, type ArticleSource } from './article-source'
import { IndexStore, type JournalOp } from './index-store'
import type { ImportFile, ImportOptions } from './import-files'
import { isFreshClone } from './fresh-clone'
import { folders, libraryPaths, type LibraryPaths } from './layout'
import { watchLibrary } from './library-watch'
import { removeLockLeftovers, withLibraryLock } from './lock'
import { isLink, linkedFolderNotice, refuseLinkedFolders } from './no-links'
import { addMedia } from './media'
import { prepareLibraryFolder, type OpenMode } from './open-folder'
import { PromoStore } from './promo-store'
import { SerialQueue } from './queue'
import { reconcile } from './reconcile'
import { stampInThread } from './folder-stamps'
import { saveableChanges, withReviewRecord } from './review-records'
import { Revisions, SESSION_QUIET_MS, type RevisionMark } from './revisions'
import { LibrarySearch } from './search-service'
import { indexEntry, sameStamp, stampOf, toSummary, toTrashed, type FileStamp, type IndexEntry } from './summary'

export interface OpenOptions {
  indexNow?: boolean
  /** How long a pause ends an editing session (SESSION_QUIET_MS); 0 makes every save its own revision. */
  sessionQuietMs?: number
  /** A copy just made (sync clone): it has no index yet by design, so building one is no news to the user. A plain `git clone` is recognised by itself (fresh-clone.ts). */
  freshCopy?: boolean
}

/** The stored body with the splice applied; refused, changing nothing, when the stored body is not the one it was made for. */
function patchedBody(stored: Article, patch: BodyPatch): Article['body'] {
  const body = patch.base === bodyFingerprint(stored.body) ? spliceBody(stored.body, patch) : null
  if (!body) throw new UserError('conflict', 'The article’s text changed in the library since this editor last saved it, so the changed blocks alone cannot be saved. Nothing was saved.')
  return body
}

export interface SaveOptions {
  by?: Actor | null | undefined
  /**
   * The library's setting: an edit after approval sends the article back to
   * review. Asked only for such an edit, inside the write, so reading it
   * cannot let a later request (a trash) overtake the save.
   */
  reopenApproved?: () => Promise<boolean>
  /** The body as a splice of the stored one's blocks, in place of `changes.body`; refused if the stored body is not its base. */
  bodyPatch?: BodyPatch | undefined
  /** The body with the one it was edited from, in place of `changes.body`: merged with the stored body three ways. */
  bodyMerge?: BodyMerge | undefined
}
/** Signs the step back to review when nobody has a profile to sign it. */
const LIBRARY_ACTOR: Actor = { name: 'Copydesk', role: 'writer' }
const REOPEN_NOTE = 'Edited after approval: this library sends such articles back to review.'

/**
 * The rules every article passes on its way to the disk check bodies against
 * the editor's document schema, whose modules (Tiptap, ProseMirror) take
 * longer to load than listing 10,000 articles: loaded by the first write.
 */
const articleRules = () => import('./article-rules')
// Sync's merge, needed only when an editor saves over a body that moved on.
const bodyMerging = () => import('../merge/body-merge')

/** A query returns at most this many hits, best first; past that, more words narrow it better than scrolling. */
export const SEARCH_LIMIT = 50

/**
 * An open library: every operation the app and the CLI perform on articles,
 * revisions, the trash, promos and media. Writes are serialized in this
 * process and locked across processes; each one first catches up with what
 * other processes wrote.
 */
export class Library {
  readonly paths: LibraryPaths
  private readonly writes = new SerialQueue()
  /** The article this library wrote last, and its file's stamp right after (readForSave). */
  private lastWritten: { article: Article; stamp: FileStamp } | null = null
  private readonly search: LibrarySearch
  private slugOwners: Map<string, string> | null = null
  private closed = false
  private readonly listeners = new Set<(info: LibraryInfo) => void>()
  private stopWatching: (() => void) | null = null
  private sessionQuietMs = SESSION_QUIET_MS

  private constructor(
    readonly dir: string,
    private readonly store: IndexStore,
    private readonly promos: PromoStore,
    private readonly notices: string[]
  ) {
    this.paths = libraryPaths(dir)
    this.search = new LibrarySearch(this.paths, store.articles)
  }

  /**
   * Opens (and if `mode` allows, creates) the library in `dir`, repairing its
   * index if needed. The app starts filling the search index at once; a
   * one-shot CLI command only when it searches.
   */
  static async open(dir: string, mode: OpenMode = 'create', options: OpenOptions = {}): Promise<Library> {
    const root = resolve(dir)
    await prepareLibraryFolder(root, mode)
    const paths = libraryPaths(root)
    return withLibraryLock(root, paths.lock, async () => {
      await removeLockLeftovers(paths.lock)
      // Started first: a big library's files are stamped on another thread while this one parses the snapshot.
      const stamped = await stampInThread(paths)
      const { store, problem } = await IndexStore.load(paths, basename(root))
      const missingExpected = options.freshCopy ?? (problem?.kind === 'missing' && (await isFreshClone(root)))
      const { ops, notices } = await reconcile(store, paths, problem, { missingExpected, stamped })
      if (problem || store.wantsCompaction(ops.length)) await store.compact(ops)
      else if (ops.length) await store.record(ops)
      const promos = new PromoStore(paths.promos, paths.damaged)
      const { notice: promoNotice } = await promos.refresh()
      if (promoNotice) notices.push(promoNotice)
      // Asked all at once: one by one, each waited its turn in libuv's thread pool and then for this thread.
      const linked = await Promise.all(folders.map((folder) => isLink(join(root, folder))))
      for (const [i, folder] of folders.entries()) if (linked[i]) notices.push(linkedFolderNotice(folder))
      return new Library(root, store, promos, notices)
    }).then((library) => {
      if (options.sessionQuietMs !== undefined) library.sessionQuietMs = options.sessionQuietMs
      if (options.indexNow ?? true) void library.searchReady()
      return library
    })
  }

  /** Resolves once every article is in the search index; searches wait for it. */
  searchReady(): Promise<void> {
    return this.search.ready()
  }

  info(): LibraryInfo {
    return { path: this.dir, name: this.store.name, articleCount: this.store.articles.size, notices: [...this.notices] }
  }

  /** Adds a plain-words note for the user to the library's notices. */
  notify(notice: string): void {
    this.notices.push(notice)
  }

  /**
   * Calls `listener` whenever this library learns that another process (the
   * CLI, a script) changed it. From the first listener on, it watches the
   * library's files so that it learns within a moment; returns the unsubscribe.
   */
  onChange(listener: (info: LibraryInfo) => void): () => void {
    this.listeners.add(listener)
    if (!this.closed) this.stopWatching ??= watchLibrary(this.dir, () => void this.followOthers())
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size > 0) return
      this.stopWatching?.()
      this.stopWatching = null
    }
  }

  async close(): Promise<void> {
    this.closed = true
    this.stopWatching?.()
    this.stopWatching = null
    await this.writes.run(async () => undefined)
    await this.search.close()
  }

  // ——— reading ———

  async listArticles(query: ListQuery = {}): Promise<SearchHit[]> {
    await this.catchUpIfChanged()
    const passes = listFilter(query)
    const keep = (entry: IndexEntry | undefined): entry is IndexEntry => entry !== undefined && passes(entry)
    const text = query.query?.trim()
    if (!text) {
      const { orders } = this.store
      const rows: SearchHit[] = []
      for (const entry of orders.sorted(query.sort === 'title' ? 'title' : 'updated')) if (passes(entry)) rows.push(orders.row(entry))
      return rows
    }
    const { articles } = this.store
    const sort = query.sort === 'title' || query.sort === 'updated' ? listOrder(query.sort) : null
    const order = sort ? (a: string, b: string) => sort(articles.get(a)!, articles.get(b)!) : undefined
    const matches = await this.search.find(text, (id) => keep(articles.get(id)), { limit: SEARCH_LIMIT, order })
    return Promise.all(matches.map(async ({ id, terms }) => ({ ...toSummary(articles.get(id)!), excerpt: await this.search.excerpt(id, terms) })))
  }

  /** By id or by slug, as the CLI lets people name articles. */
  async getArticle(idOrSlug: string): Promise<Article> {
    await this.catchUpIfChanged()
    return this.readLive(this.resolveId(idOrSlug))
  }

  private resolveId(idOrSlug: string): string {
    if (this.store.articles.has(idOrSlug)) return idOrSlug
    const id = this.slugs().get(idOrSlug)
    if (id) return id
    throw new UserError('not-found', this.store.trash.has(idOrSlug) ? 'That article is in the trash; restore it first.' : `There is no article “${idOrSlug}” in this library.`)
  }

  /**
   * The article as stored, for a save. Autosave writes the same article over
   * and over: while its file is the one this library last wrote, that article
   * is used as it is, not read, parsed and checked again.
   */
  private async readForSave(id: string): Promise<Article> {
    const last = this.lastWritten
    if (last?.article.id === id) {
      const stamp = await lstat(this.paths.article(id)).then(stampOf, () => null)
      if (stamp && sameStamp(stamp, last.stamp)) return last.article
    }
    return this.readLive(id)
  }

  private async readLive(id: string): Promise<Article> {
    return readArticleFile(this.paths.article(id), id).catch((error: unknown) => {
      throw unreadableArticle(error)
    })
  }

  /**
   * Each live article's file and checked stamp, for reading thousands at once
   * with readIndexedArticle (site export); with `ids`, only those that are live.
   * A re-export after one edit reads one article of 10,000: building all their
   * paths allocated some 10 MB per export, and the collector's time with it.
   */
  async articleSources(ids?: Iterable<string>): Promise<Map<string, ArticleSource>> {
    await this.catchUpIfChanged()
    const sources = new Map<string, ArticleSource>()
    const add = ({ id, stamp }: { id: string; stamp: ArticleSource['stamp'] }): void => void sources.set(id, { id, file: this.paths.article(id), stamp })
    if (!ids) for (const entry of this.store.articles.values()) add(entry)
    else
      for (const id of ids) {
        const entry = this.store.articles.get(id)
        if (entry) add(entry)
      }
    return sources
  }

  async listTrash(): Promise<TrashedArticle[]> {
    await this.catchUpIfChanged()
    return [...this.store.trash.values()].sort((a, b) => b.trashedAt.localeCompare(a.trashedAt)).map(toTrashed)
  }

  async listRevisions(id: string): Promise<RevisionInfo[]> {
    return this.revisions(this.resolveId(id)).list()
  }

  async getRevision(id: string, revisionId: string): Promise<Article> {
    return this.revisions(this.resolveId(id)).article(revisionId)
  }

  /** The promos by name, without which articles use them (listPromos): an export needs only the promos, and counting their users walks every article. */
  async promoList(): Promise<Promo[]> {
    await this.catchUpIfChanged()
    await this.writes.run(() => this.refreshPromos())
    return [...this.promos.all()].sort((a, b) => titleOrder.compare(a.name, b.name))
  }

  async listPromos(): Promise<PromoWithUsage[]> {
    const promos = await this.promoList()
    const usedBy = new Map<string, { id: string; title: string }[]>()
    for (const entry of this.store.articles.values()) {
      for (const promoId of entry.promoIds) {
        // Appended in place: copying the list per article made this quadratic, 50 ms for one promo placed in 10,000 articles.
        const users = usedBy.get(promoId) ?? []
        users.push({ id: entry.id, title: entry.title })
        usedBy.set(promoId, users)
      }
    }
    return promos.map((promo) => ({ promo, usedBy: usedBy.get(promo.id) ?? [] }))
  }

  // ——— writing ———

  async createArticle(fields: Partial<EditableFields> = {}): Promise<Article> {
    return this.write(() => this.insert(fields))
  }

  private async insert(fields: Partial<EditableFields>): Promise<Article> {
    const { newArticle, newId } = await articleRules()
    const slugs = this.slugs()
    const article = newArticle(fields, newId(), new Date().toISOString(), (slug) => slugs.has(slug))
    await this.commit(article, 'save')
    return article
  }

  /**
   * Saves what changed. `by` signs the editing session (the profile, when
   * there is one); with `reopenApproved`, an edit of an approved article's
   * text sends it back to review in the same write.
   */
  async saveArticle(id: string, changes: ArticleChanges, { by, reopenApproved = async () => false, bodyPatch, bodyMerge }: SaveOptions = {}): Promise<Article> {
    return this.write(async () => {
      const stored = await this.readForSave(this.resolveId(id))
      if (bodyPatch) changes = { ...changes, body: patchedBody(stored, bodyPatch) }
      const merged = bodyMerge && (await bodyMerging()).mergeBodies(bodyMerge.base, bodyMerge.ours, stored.body)
      if (merged) changes = { ...changes, body: merged.body }
      const { applyChanges } = await articleRules()
      const slugs = this.slugs()
      let next = applyChanges(stored, saveableChanges(stored, changes), new Date().toISOString(), (slug) => (slugs.get(slug) ?? stored.id) !== stored.id)
      if (!next) return stored
      if (merged?.conflicts.any) next = await this.keepConflict(next, stored, merged.conflicts.summary())
      if (next.status === 'approved' && editedSinceApproval(next) && (await reopenApproved())) {
        const reopened = transition(next, 'in-review', by ?? LIBRARY_ACTOR, REOPEN_NOTE, undefined, next.updatedAt)
        await this.commit(reopened, 'status', [], { author: by?.name, status: 'in-review' })
        return reopened
      }
      await this.commit(next, 'save', [], { author: by?.name })
      return next
    })
  }

  /**
   * A save merged over words the library's copy also changed keeps the
   * editor's words there, as sync does: the library's copy is kept whole as a
   * named revision, and the article is flagged so the writer can compare.
   */
  private async keepConflict(next: Article, stored: Article, summary: string): Promise<Article> {
    const other = await this.revisions(stored.id).add(stored, 'snapshot', { name: `Conflict: ${summary}` })
    return { ...next, syncConflict: { at: next.updatedAt, summary, revisionId: other.id } }
  }

  async duplicateArticle(id: string): Promise<Article> {
    return this.write(async () => {
      const { title, dek, authors, tags, category, description, featuredImage, related, body } = await this.readLive(this.resolveId(id))
      return this.insert({ title: `${title} (copy)`, dek, authors, tags, category, description, featuredImage, related, body })
    })
  }

  async trashArticle(id: string): Promise<void> {
    await this.write(async () => {
      const entry = this.store.articles.get(this.resolveId(id))!
      const trashedAt = new Date().toISOString()
      const to = this.paths.trashed(entry.id, trashedAt)
      await refuseLinkedFolders(this.dir, this.paths.article(entry.id), to)
      // One rename: the file is either live or in the trash, whatever happens.
      await rename(this.paths.article(entry.id), to)
      await this.store.record([
        { drop: 'articles', id: entry.id },
        { put: 'trash', entry: { ...entry, trashedAt, stamp: stampOf(await lstat(to)) } }
      ])
      this.forget(entry.id, entry.slug)
    })
  }

  async restoreArticle(id: string): Promise<Article> {
    return this.write(async () => {
      const entry = this.store.trash.get(id)
      if (!entry) throw new UserError('not-found', 'That article is not in the trash.')
      const live = this.paths.article(id)
      if (await access(live).then(() => true, () => false)) throw new UserError('conflict', 'An article with the same id is already in the library, so the trashed copy was left in the trash.')
      await refuseLinkedFolders(this.dir, this.paths.trashed(id, entry.trashedAt), live)
      await rename(this.paths.trashed(id, entry.trashedAt), live)
      let article = await readArticleFile(live, id)
      const { laterThan } = await articleRules()
      const slugs = this.slugs()
      // Its address may have been taken while it was in the trash.
      if (slugs.has(article.slug)) {
        article = { ...article, slug: uniqueSlug(article.slugLocked ? article.slug : slugify(article.title), (s) => slugs.has(s)), updatedAt: laterThan(article.updatedAt, new Date().toISOString()) }
        await this.commit(article, 'restore', [{ drop: 'trash', id }])
      } else {
        await this.indexLive(article, stampOf(await lstat(live)), [{ drop: 'trash', id }])
      }
      return article
    })
  }

  async emptyTrash(): Promise<{ removed: number }> {
    return this.write(async () => {
      const entries = [...this.store.trash.values()]
      await refuseLinkedFolders(this.dir, ...entries.map((entry) => this.paths.trashed(entry.id, entry.trashedAt)))
      for (const entry of entries) {
        await unlink(this.paths.trashed(entry.id, entry.trashedAt)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error
        })
        await this.revisions(entry.id).removeAll()
      }
      await this.store.record(entries.map((entry) => ({ drop: 'trash', id: entry.id })))
      return { removed: entries.length }
    })
  }

  async takeSnapshot(id: string, name: string): Promise<RevisionInfo> {
    return this.write(async () => {
      const article = await this.readLive(this.resolveId(id))
      return this.revisions(article.id).add(article, 'snapshot', { name: name.trim() })
    })
  }

  /** Puts an earlier version back as a new save; the version it replaces stays in the history. */
  async restoreRevision(id: string, revisionId: string): Promise<Article> {
    return this.write(async () => {
      const stored = await this.readLive(this.resolveId(id))
      const old = await this.revisions(stored.id).article(revisionId)
      const { laterThan } = await articleRules()
      const slugs = this.slugs()
      const taken = (slug: string): boolean => (slugs.get(slug) ?? stored.id) !== stored.id
      const article: Article = {
        ...withReviewRecord(old, stored),
        id: stored.id,
        createdAt: stored.createdAt,
        slug: taken(old.slug) ? uniqueSlug(old.slug, taken) : old.slug,
        updatedAt: laterThan(stored.updatedAt, new Date().toISOString())
      }
      await this.commit(article, 'restore')
      return article
    })
  }

  /**
   * Replaces an article with what `revise` makes of it as stored right now,
   * under the write lock, keeping a revision: for review operations (status
   * changes, merged review bundles), which change what saveArticle does not.
   * Its id, creation time and address stay.
   */
  async reviseArticle(id: string, revise: (stored: Article) => Article): Promise<Article> {
    return this.write(async () => {
      const stored = await this.readLive(this.resolveId(id))
      const { createdAt, updatedAt, slug, slugLocked } = stored
      const revised = { ...revise(stored), id: stored.id, createdAt, updatedAt, slug, slugLocked }
      if (JSON.stringify(revised) === JSON.stringify(stored)) return stored
      const { checkArticle, laterThan } = await articleRules()
      const article = checkArticle({ ...revised, updatedAt: laterThan(stored.updatedAt, new Date().toISOString()) })
      const step = article.status !== stored.status ? article.statusHistory?.at(-1) : undefined
      await this.commit(article, step ? 'status' : 'save', [], step ? { author: step.by.name, status: article.status } : {})
      return article
    })
  }

  /**
   * Adds an article made in another library (from a review bundle) under its
   * own id, so that later bundles of it merge here. A slug taken here is made
   * unique.
   */
  async adoptArticle(article: Article): Promise<Article> {
    return this.write(async () => {
      if (this.store.articles.has(article.id) || this.store.trash.has(article.id))
        throw new UserError('conflict', `The article “${article.title || 'Untitled'}” is already in this library.`)
      const { checkArticle, laterThan } = await articleRules()
      const slugs = this.slugs()
      const slug = slugs.has(article.slug) ? uniqueSlug(article.slug, (s) => slugs.has(s)) : article.slug
      const adopted = checkArticle({ ...article, slug, updatedAt: laterThan(article.updatedAt, new Date().toISOString()) })
      await this.commit(adopted, 'save')
      return adopted
    })
  }

  async savePromo(input: PromoInput, id?: string): Promise<Promo> {
    return this.write(async () => this.promos.save(input, id ?? (await articleRules()).newId(), new Date().toISOString()))
  }

  async deletePromo(id: string): Promise<void> {
    await this.write(async () => {
      if (!this.promos.get(id)) throw new UserError('not-found', 'That promo does not exist.')
      const users = [...this.store.articles.values()].filter((entry) => entry.promoIds.includes(id))
      if (users.length) {
        const titles = users.map((entry) => `“${entry.title || 'Untitled'}”`)
        throw new UserError('conflict', `This promo is still placed in ${users.length} article${users.length === 1 ? '' : 's'}: ${titles.join(', ')}. Remove it from them first.`, titles)
      }
      await this.promos.remove(id)
    })
  }

  /** Each file is parsed (on the import thread), checked and written on its own: a bad file is reported and writes nothing. */
  async importFiles(files: ImportFile[], options: ImportOptions = {}): Promise<ImportReport> {
    // Loaded on first import: the parsers behind it are most of main's code, and listing or exporting never needs them.
    const { importArticles } = await import('./import-files')
    return importArticles(files, (fields) => this.createArticle(fields), (name, bytes) => this.addMedia(name, bytes), options)
  }

  addMedia(name: string, bytes: Uint8Array): Promise<{ src: string }> {
    return addMedia(this.dir, name, bytes)
  }

  /**
   * Runs `task`, which changes the library's files directly (sync writing what
   * a merge brought), holding the write lock, then brings the index, the
   * search index and the promos in line with the files as opening does: one
   * stat per file, re-reading only those that differ. A task that knows which
   * files it wrote says so with `changed` (paths relative to the library, as
   * git names them), and only those are looked at.
   */
  async applyFileChanges<T>(task: () => Promise<T>, changed?: (result: T) => Iterable<string>): Promise<T> {
    return this.write(async () => {
      const result = await task()
      const { ops, notices } = await reconcile(this.store, this.paths, null, { changed: changed && new Set(changed(result)) })
      if (ops.length) await this.store.record(ops)
      this.notices.push(...notices)
      if (ops.length) this.slugOwners = null
      for (const id of new Set(ops.map((op) => ('drop' in op ? op.id : op.entry.id)))) await this.search.reread(id)
      await this.refreshPromos()
      if (ops.length) this.announce()
      return result
    })
  }

  // ——— internals ———

  private revisions(id: string): Revisions {
    return new Revisions(this.dir, this.paths.revisions(id), (notice) => this.notify(notice), this.sessionQuietMs)
  }

  /**
   * A count that moves whenever the library's files may have changed through
   * it: a write of this process ended, or one of another process was caught
   * up with. Null while a write of this process is under way. Sync lists the
   * changed files (`git status`) while it fetches, before it holds the write
   * lock, and uses that list only if this count has not moved by then.
   */
  writesSeen(): number | null {
    const { begun, ended, caughtUp } = this.writeCount
    return begun === ended ? ended + caughtUp : null
  }

  /** `writesSeen`, from inside `applyFileChanges`'s task (whose own write is under way). */
  writesSeenByTask(): number {
    return this.writeCount.ended + this.writeCount.caughtUp
  }

  private readonly writeCount = { begun: 0, ended: 0, caughtUp: 0 }

  private write<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new UserError('conflict', 'This library was closed; open it again to make changes.'))
    return this.writes.run(() =>
      withLibraryLock(this.dir, this.paths.lock, async () => {
        this.writeCount.begun++
        try {
          await this.catchUp()
          await this.refreshPromos()
          return await task()
        } finally {
          this.writeCount.ended++
        }
      })
    )
  }

  /**
   * Writes the article file, keeps a revision, then records the index entry:
   * the file is the truth, so a crash in between loses at most an index line
   * that the next opening rebuilds from the file.
   */
  private async commit(article: Article, revision: RevisionInfo['kind'], extraOps: JournalOp[] = [], mark: RevisionMark = {}): Promise<void> {
    const file = this.paths.article(article.id)
    await refuseLinkedFolders(this.dir, file)
    const stamp = await writeArticleFile(file, article)
    this.lastWritten = { article, stamp }
    await this.revisions(article.id).add(article, revision, mark)
    await this.indexLive(article, stamp, extraOps)
  }

  private async indexLive(article: Article, stamp: FileStamp, extraOps: JournalOp[]): Promise<void> {
    const previousSlug = this.store.articles.get(article.id)?.slug
    const entry = indexEntry(article, stamp)
    await this.store.record([...extraOps, { put: 'articles', entry }])
    if (previousSlug !== undefined) this.slugOwners?.delete(previousSlug)
    this.slugOwners?.set(article.slug, article.id)
    this.search.put(article, entry)
  }

  private forget(id: string, slug: string): void {
    if (this.slugOwners?.get(slug) === id) this.slugOwners.delete(slug)
    this.search.remove(id)
  }

  private slugs(): Map<string, string> {
    this.slugOwners ??= new Map([...this.store.articles.values()].map((entry) => [entry.slug, entry.id]))
    return this.slugOwners
  }

  /** Applies what other processes wrote since we last looked; call inside the write queue. */
  private async catchUp(): Promise<void> {
    const touched = await this.store.refresh()
    const skipped = this.store.takeSkippedLines()
    if (touched.size > 0 || skipped > 0) this.writeCount.caughtUp++
    if (skipped > 0) {
      this.notify(`Another process added ${skipped === 1 ? 'a line' : `${skipped} lines`} to the library index journal that could not be read, so ${skipped === 1 ? 'it was' : 'they were'} skipped; the index is rebuilt from the article files when the library is next opened.`)
      this.announce()
    }
    if (touched.size === 0) return
    this.slugOwners = null
    for (const id of touched) await this.search.reread(id)
    this.announce()
  }

  private async refreshPromos(): Promise<void> {
    const { reloaded, notice } = await this.promos.refresh()
    if (reloaded) this.writeCount.caughtUp++
    if (notice) this.notices.push(notice)
    if (reloaded) this.announce()
  }

  /** Tells the listeners that another process changed the library; called wherever this process learns of it. */
  private announce(): void {
    if (this.closed) return
    const info = this.info()
    for (const listener of this.listeners) listener(info)
  }

  /** Catches up with another process's changes as soon as the watcher sees its files change. */
  private async followOthers(): Promise<void> {
    if (this.closed) return
    try {
      const [articles, promos] = await Promise.all([this.store.changedOnDisk(), this.promos.changedOnDisk()])
      if (!articles && !promos) return
      await this.writes.run(async () => {
        await this.catchUp()
        await this.refreshPromos()
      })
    } catch (error) {
      // The next read or write catches up anyway, and reports what it cannot do.
      console.warn('[copydesk] could not follow a change made elsewhere:', reasonOf(error))
    }
  }

  private async catchUpIfChanged(): Promise<void> {
    if (await this.store.changedOnDisk()) await this.writes.run(() => this.catchUp())
  }
}

export const openLibrary = (dir: string, mode?: OpenMode, options?: OpenOptions): Promise<Library> => Library.open(dir, mode, options)
