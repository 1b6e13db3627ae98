import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '../../shared/ipc/result'
import { firstLine, startGitWithErrors, type GitRepo } from './safe-git'

/** A path's new content in a commit: a blob already stored, text or bytes to store, or null to remove the path. */
export type FileChange = { mode: string; sha: string } | { text: string | Buffer } | null

export interface NewCommit {
  /** The first parent, whose tree the changes apply to; then any others (a merge). */
  parents: [string, ...string[]]
  changes: Map<string, FileChange>
  author: { name: string; email: string }
  message: string
  /**
   * The ref fast-import records the commit under (it needs one). A branch
   * moves only forward: a commit that does not descend from where it is now
   * is refused, and the branch stays.
   */
  ref: string
}

/** Called with the new commit once it is stored and before the ref moves to it; the ref moves only once it resolves. */
export type BeforeRefMoves = (commit: string) => Promise<void>

/** C-style quoting, which fast-import reads for any path: spaces, quotes and control characters pass. */
const quoted = (path: string): string =>
  `"${[...path].map((c) => (c === '\\' || c === '"' ? `\\${c}` : c < ' ' || c === '\x7f' ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}"`

/** git refuses these in a name or an email; it would strip them itself when committing the usual way. */
const identPart = (text: string): string => text.replace(/[<>\n\r\0]/g, '').trim()

/**
 * One `git fast-import` process for one or more commits. Each commit stores
 * its new blobs, builds its trees from the first parent's with only the
 * changed paths and is named (`get-mark`) at once; refs move only at a
 * `checkpoint` or at `finish` (`done`), so a process ended any other way
 * (`abort`, a kill) moves no ref past the last checkpoint. Touches neither the
 * work tree nor git's index. Several commits in one process save a process
 * start each (25–100 ms on the main thread of a process holding a big
 * library) and reuse the trees already loaded.
 */
export class FastImport {
  private readonly child: ReturnType<typeof startGitWithErrors>
  private readonly errors: Buffer[] = []
  private readonly ended: Promise<number>
  private readonly lines: string[] = []
  private readonly waiting: ((line: string | null) => void)[] = []
  private marks = 0
  private out = ''
  private closed = false

  private exited = false
  /** Where git writes a crash report, when the caller knows (a library's repository); null otherwise. */
  private readonly gitDir: string | null

  /** `repo.gitDir`: the repository's git folder, where an `abort` removes the crash report it makes git write. */
  constructor(repo: GitRepo & { gitDir?: string }) {
    this.gitDir = repo.gitDir ?? null
    // Kept as the pack fast-import writes: below 100 objects git would unpack it into a loose file per object, in one more process
    // re-compressing every tree (about 55 ms of CPU for a 10,000-article tree); a sync packs the history now and then (pack-history.ts).
    this.child = startGitWithErrors(repo.dir, ['fast-import', '--quiet', '--date-format=now'], [...repo.filters, ['fastimport.unpackLimit', '0']])
    this.child.stderr.on('data', (chunk: Buffer) => this.errors.push(chunk))
    this.child.stdin.on('error', () => undefined)
    this.ended = new Promise<number>((resolve, reject) => {
      this.child.once('error', (error) => reject(new UserError('io-error', `Could not run git: ${error.message}. Is git installed?`)))
      this.child.once('close', (code) => {
        this.exited = true
        resolve(code ?? 1)
      })
    })
    this.ended.catch(() => undefined)
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.out += chunk.toString('utf8')
      for (let end = this.out.indexOf('\n'); end >= 0; end = this.out.indexOf('\n')) {
        this.answer(this.out.slice(0, end).trim())
        this.out = this.out.slice(end + 1)
      }
    })
    this.child.stdout.once('end', () => {
      while (this.waiting.length) this.waiting.shift()!(null)
    })
    // `done` last: a stream cut short (the sync killed) is refused whole, past the last checkpoint.
    this.child.stdin.write('feature done\n')
  }

  private answer(line: string): void {
    const waiter = this.waiting.shift()
    if (waiter) waiter(line)
    else this.lines.push(line)
  }

  private nextLine(): Promise<string | null> {
    if (this.lines.length) return Promise.resolve(this.lines.shift()!)
    if (this.child.stdout.readableEnded) return Promise.resolve(null)
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private refused(): UserError {
    return new UserError('io-error', `Git could not record the merge: ${firstLine(Buffer.concat(this.errors).toString('utf8'))}.`)
  }

  /** Writes `commit` and returns its id; `commit.ref` moves to it at the next checkpoint or at `finish`. */
  async commit(commit: NewCommit): Promise<string> {
    const mark = ++this.marks
    const ident = `${identPart(commit.author.name)} <${identPart(commit.author.email)}> now`
    const data = (text: string | Buffer): Buffer[] => {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
      return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')]
    }
    const [first, ...others] = commit.parents
    const stream: Buffer[] = [
      Buffer.from(`commit ${commit.ref}\nmark :${mark}\nauthor ${ident}\ncommitter ${ident}\n`),
      ...data(commit.message),
      Buffer.from(`from ${first}\n${others.map((sha) => `merge ${sha}\n`).join('')}`)
    ]
    for (const [path, change] of commit.changes) {
      if (change === null) stream.push(Buffer.from(`D ${quoted(path)}\n`))
      else if ('text' in change) stream.push(Buffer.from(`M 100644 inline ${quoted(path)}\n`), ...data(change.text))
      else stream.push(Buffer.from(`M ${change.mode} ${change.sha} ${quoted(path)}\n`))
    }
    stream.push(Buffer.from(`get-mark :${mark}\n`))
    this.child.stdin.write(Buffer.concat(stream))
    const sha = await this.nextLine()
    if (sha === null || !/^[0-9a-f]{40,64}$/.test(sha)) {
      if (!this.closed) this.child.stdin.end()
      this.closed = true
      // git that could not start at all says so here, in its own words.
      await this.ended
      throw this.refused()
    }
    return sha
  }

  /**
   * Stores what was written so far where every git process sees it, and moves
   * the refs; resolves once done. A ref that does not descend is left where
   * it is: the caller checks the ref if it must know.
   */
  async checkpoint(): Promise<void> {
    this.child.stdin.write(`checkpoint\nget-mark :${this.marks}\n`)
    if ((await this.nextLine()) === null) {
      await this.abort()
      throw this.refused()
    }
  }

  /** Moves the refs (each only forward) and ends the process; `beforeRefMoves` runs first, and if it fails nothing moves. */
  async finish(beforeRefMoves?: () => Promise<void>): Promise<void> {
    try {
      await beforeRefMoves?.()
    } catch (error) {
      await this.abort()
      throw error
    }
    this.closed = true
    this.child.stdin.end('done\n')
    if ((await this.ended) !== 0) throw this.refused()
  }

  /**
   * Ends the process without `done`: fast-import refuses the stream, and no
   * ref moves past the last checkpoint. Refusing it, git writes a crash report
   * (`fast_import_crash_<pid>` in the git folder) that says only "stream ends
   * early"; nothing reads it, so it is removed. A fast-import that had already
   * failed keeps its report, which says why. (A sync killed while one runs
   * leaves none: the orphan dies of SIGPIPE writing that message to the dead
   * sync's error pipe, before it writes the report.)
   */
  async abort(): Promise<void> {
    // Its output ended first when git stopped on its own (a refusal).
    const ours = !this.closed && !this.exited && !this.child.stdout.readableEnded
    if (!this.closed) this.child.stdin.end()
    this.closed = true
    await this.ended.catch(() => undefined)
    if (ours && this.gitDir && this.child.pid !== undefined) await rm(join(this.gitDir, `fast_import_crash_${this.child.pid}`), { force: true }).catch(() => undefined)
  }
}

/**
 * Writes one commit in one git process where hashing each blob, filling an
 * index, writing the tree and the commit and moving the ref would take a
 * process each. fast-import names the commit before it moves the ref, which
 * it does only once told `done`: `beforeRefMoves` runs in between (a sync
 * writes its resume marker there). Returns the commit.
 */
export async function writeCommit(repo: GitRepo, commit: NewCommit, beforeRefMoves?: BeforeRefMoves): Promise<string> {
  return writeCommitWith(new FastImport(repo), commit, beforeRefMoves)
}

/** `writeCommit` through a fast-import already started (which it ends). */
export async function writeCommitWith(importer: FastImport, commit: NewCommit, beforeRefMoves?: BeforeRefMoves): Promise<string> {
  const sha = await importer.commit(commit)
  await importer.finish(beforeRefMoves && (() => beforeRefMoves(sha)))
  return sha
}
