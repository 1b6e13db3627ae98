import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises'
import { join, relative } from 'node:path'
import * as z from 'zod'
import { statusSchema, type Article, type ArticleStatus } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import type { RevisionInfo } from '../../shared/library-api'
import { writeJsonAtomic } from './json-file'
import { isLink, refuseLinkedFolders } from './no-links'
import { storedBodyStats } from './stored-body-stats'

/** Sessions and restores beyond this many are forgotten, oldest first; named snapshots and status marks are always kept. */
export const KEPT_REVISIONS = 50
/**
 * Saves by the same person with less than this between them make one editing
 * session: autosave saves every few seconds, and a history of those says nothing.
 */
export const SESSION_QUIET_MS = 10 * 60 * 1000

type Kind = RevisionInfo['kind']
interface RevisionFile {
  info: RevisionInfo
  article: Article
}

// `<ms since 1970, 15 digits>-<kind>-<random>`: sorts by time, tells its kind without being read, and cannot name a path.
const revisionIdPattern = /^(\d{15})-(save|snapshot|restore|status)-([a-z0-9]{8})$/

const revisionInfoSchema = z.object({
  id: z.string().regex(revisionIdPattern),
  createdAt: z.iso.datetime({ offset: true }),
  kind: z.enum(['save', 'snapshot', 'restore', 'status']),
  name: z.string().nullable(),
  title: z.string(),
  words: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  saves: z.number().int().positive().optional(),
  author: z.string().max(200).optional(),
  status: statusSchema.optional()
}) satisfies z.ZodType<RevisionInfo>
// The article is checked by checkArticle, the one gate every article passes.
const revisionFileSchema = z.object({ info: revisionInfoSchema, article: z.unknown() })

/** What a revision records besides the article: a snapshot's name, who made it, the status a status mark moved to. */
export interface RevisionMark {
  name?: string
  author?: string | undefined
  status?: ArticleStatus
}
const newRevisionId = (kind: Kind): string => `${String(Date.now()).padStart(15, '0')}-${kind}-${randomBytes(4).toString('hex')}`
const kindOf = (revisionId: string): Kind | undefined => revisionIdPattern.exec(revisionId)?.[2] as Kind | undefined

/** A new revision of `article`: its info, and the file content stored as `revisions/<article id>/<info.id>.json`. */
export function revisionRecord(article: Article, kind: Kind, name: string | null = null): { info: RevisionInfo; file: RevisionFile } {
  const info: RevisionInfo = { id: newRevisionId(kind), createdAt: new Date().toISOString(), kind, name, title: article.title, words: storedBodyStats(article.body).words }
  return { info, file: { info, article } }
}

/** One article's history, in `revisions/<article id>/`. */
export class Revisions {
  /**
   * `notify` tells the user of what had to be repaired; `libraryDir` bounds
   * the writes: nothing goes through a link inside it.
   */
  constructor(
    private readonly libraryDir: string,
    private readonly dir: string,
    private readonly notify: (notice: string) => void = () => undefined,
    private readonly quietMs: number = SESSION_QUIET_MS
  ) {}

  /**
   * Keeps `article` as a revision; every save, restore, status change and
   * snapshot makes one, except that a save continuing its author's editing
   * session (the newest revision, saved less than SESSION_QUIET_MS ago)
   * replaces that session's content instead.
   */
  async add(article: Article, kind: Kind, mark: RevisionMark = {}): Promise<RevisionInfo> {
    const now = new Date()
    const at = now.toISOString()
    const stats = { title: article.title, words: storedBodyStats(article.body).words }
    await this.unlinkFolder(article.title)
    const session = kind === 'save' ? await this.openSession(mark.author, now.getTime()) : undefined
    const info: RevisionInfo = session
      ? { ...session, ...stats, updatedAt: at, saves: (session.saves ?? 1) + 1 }
      : {
          id: newRevisionId(kind),
          createdAt: at,
          kind,
          name: mark.name ?? null,
          ...stats,
          ...(kind === 'save' ? { updatedAt: at, saves: 1 } : {}),
          ...(mark.author ? { author: mark.author } : {}),
          ...(mark.status ? { status: mark.status } : {})
        }
    await mkdir(this.dir, { recursive: true })
    await writeJsonAtomic(join(this.dir, `${info.id}.json`), { info, article } satisfies RevisionFile)
    if (kind === 'save' || kind === 'restore') await this.prune()
    return info
  }

  /** The newest revision when it is a session `author` may carry on at `now`. */
  private async openSession(author: string | undefined, now: number): Promise<RevisionInfo | undefined> {
    const newest = (await this.ids()).at(-1)
    if (!newest || kindOf(newest) !== 'save') return undefined
    try {
      const { info } = revisionFileSchema.parse(JSON.parse(await readFile(join(this.dir, `${newest}.json`), 'utf8')))
      const last = Date.parse(info.updatedAt ?? info.createdAt)
      return info.author === author && now >= last && now - last < this.quietMs ? info : undefined
    } catch {
      // An unreadable newest revision is left as it is; the save starts a session of its own.
      return undefined
    }
  }

  private async ids(): Promise<string[]> {
    try {
      return (await readdir(this.dir))
        .filter((name) => name.endsWith('.json') && kindOf(name.slice(0, -5)))
        .map((name) => name.slice(0, -5))
        .sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  }

  private async prune(): Promise<void> {
    const unnamed = (await this.ids()).filter((id) => kindOf(id) === 'save' || kindOf(id) === 'restore')
    for (const id of unnamed.slice(0, Math.max(0, unnamed.length - KEPT_REVISIONS))) await unlink(join(this.dir, `${id}.json`)).catch(() => undefined)
  }

  private async read(revisionId: string): Promise<RevisionFile> {
    if (!kindOf(revisionId)) throw new UserError('not-found', 'That revision does not exist.')
    try {
      const file = revisionFileSchema.parse(JSON.parse(await readFile(join(this.dir, `${revisionId}.json`), 'utf8')))
      const { checkArticle } = await import('./article-rules')
      return { info: file.info, article: checkArticle(file.article) }
    } catch {
      throw new UserError('not-found', 'That revision does not exist or could not be read.')
    }
  }

  /** Newest first. An unreadable revision file is left out rather than hiding the others. */
  async list(): Promise<RevisionInfo[]> {
    const ids = (await this.ids()).reverse()
    const infos = await Promise.all(ids.map((id) => this.read(id).then((r) => r.info, () => null)))
    return infos.filter((info): info is RevisionInfo => info !== null)
  }

  async article(revisionId: string): Promise<Article> {
    return (await this.read(revisionId)).article
  }

  /** Removes this history; a history folder that is a link is removed as a link, never what it points to. */
  async removeAll(): Promise<void> {
    await refuseLinkedFolders(this.libraryDir, this.dir)
    await rm(this.dir, { recursive: true, force: true })
  }

  /**
   * A history folder that is a link (planted, or left by a copy tool) is
   * replaced by a real, empty one, so revisions never land outside the
   * library; the revisions behind the link stay where they are.
   */
  private async unlinkFolder(title: string): Promise<void> {
    await refuseLinkedFolders(this.libraryDir, this.dir)
    if (!(await isLink(this.dir))) return
    await unlink(this.dir)
    const where = relative(this.libraryDir, this.dir).split('\\').join('/')
    this.notify(`The history folder of “${title || 'Untitled'}” (${where}) was a link to another place, so it was replaced by a real folder: Copydesk writes nothing outside the library. The folder it pointed to was left as it was.`)
  }
}
