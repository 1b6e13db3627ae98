import { startGit, type GitSetting } from './safe-git'

/** An object as `git cat-file --batch` gives it. */
export interface GitObject {
  sha: string
  type: string
  bytes: Buffer
}

interface TreeEntry {
  mode: string
  sha: string
}

/** How a tree object writes the mode of a tree inside it. */
const TREE_MODE = '40000'

const SPACE = 0x20
const SLASH = 0x2f

/**
 * A tree object searched where it lies: an entry is "<mode> <name>\0" and
 * the id's raw bytes, and git sorts entries by name, a folder's as if it
 * ended in "/". A name is found by binary search over the entries' offsets,
 * so the 10,000-entry articles tree costs no string or object per entry; a
 * tree not sorted as git sorts them (written by hand) is searched in full.
 */
class TreeObject {
  private starts: Uint32Array | undefined

  constructor(
    private readonly bytes: Buffer,
    private readonly idBytes: number
  ) {}

  private offsets(): Uint32Array {
    if (this.starts) return this.starts
    const starts: number[] = []
    for (let at = 0; at < this.bytes.length; ) {
      const end = this.bytes.indexOf(0, at)
      if (end < 0 || this.bytes.indexOf(SPACE, at) > end) break
      starts.push(at)
      at = end + 1 + this.idBytes
    }
    return (this.starts = Uint32Array.from(starts))
  }

  private entryAt(at: number): { space: number; end: number; folder: boolean } {
    const space = this.bytes.indexOf(SPACE, at)
    return { space, end: this.bytes.indexOf(0, space), folder: this.bytes.toString('latin1', at, space) === TREE_MODE }
  }

  /** How `name` (as a folder or not) sorts against the entry at `at`, as git compares them. */
  private compare(name: Buffer, folder: boolean, at: number): number {
    const entry = this.entryAt(at)
    const length = entry.end - entry.space - 1
    const common = Math.min(name.length, length)
    const differs = name.compare(this.bytes, entry.space + 1, entry.space + 1 + common, 0, common)
    if (differs !== 0) return differs
    const next = name.length > common ? name[common]! : folder ? SLASH : 0
    const theirs = length > common ? this.bytes[entry.space + 1 + common]! : entry.folder ? SLASH : 0
    return next - theirs
  }

  private found(at: number): TreeEntry {
    const { space, end } = this.entryAt(at)
    return { mode: this.bytes.toString('latin1', at, space), sha: this.bytes.toString('hex', end + 1, end + 1 + this.idBytes) }
  }

  get(name: string): TreeEntry | undefined {
    const starts = this.offsets()
    const key = Buffer.from(name, 'utf8')
    for (const folder of [false, true]) {
      let [low, high] = [0, starts.length - 1]
      while (low <= high) {
        const middle = (low + high) >>> 1
        const order = this.compare(key, folder, starts[middle]!)
        if (order === 0) return this.found(starts[middle]!)
        if (order < 0) high = middle - 1
        else low = middle + 1
      }
    }
    // Not where git's order puts it: absent, or the tree is not in git's order.
    for (const at of starts) {
      const { space, end } = this.entryAt(at)
      if (end - space - 1 === key.length && this.bytes.toString('utf8', space + 1, end) === name) return this.found(at)
    }
    return undefined
  }
}

interface Waiting {
  resolve: (found: GitObject | null) => void
  reject: (error: Error) => void
}

/**
 * One `git cat-file --batch` kept open for a run of reads: a sync reads
 * branch tips, then blobs of three versions, then the files to write, and
 * each would otherwise be a git process of its own (25–60 ms to start on a
 * busy laptop). It sees refs and objects written after it started (a fetch,
 * a commit): git looks each name up afresh. Names are one per line, so a
 * name holding a newline is refused rather than sent.
 */
export class ObjectReader {
  private child: ReturnType<typeof startGit> | null = null
  private readonly waiting: Waiting[] = []
  private chunks: Buffer[] = []
  private buffered = 0
  /** How many bytes the answer being received needs in all, once its header is in. */
  private needed = 0
  /** Trees read by id: an id names one content for ever. */
  private readonly trees = new Map<string, Promise<TreeObject | null>>()
  /**
   * Tree objects by the name they were asked by, when that name is an id or
   * an id's `^{tree}` and so always means the same tree. A merge reads the
   * 10,000-entry articles tree (690 KB) of each version several times (the
   * local commit, both diffs from the base, the files to write): once each is
   * enough, for git and for this process's memory.
   */
  private readonly treeAnswers = new Map<string, Promise<GitObject | null>>()

  constructor(
    private readonly dir: string,
    private readonly settings: GitSetting[] = []
  ) {}

  private start(): ReturnType<typeof startGit> {
    if (this.child) return this.child
    const child = startGit(this.dir, ['cat-file', '--batch'], this.settings)
    child.stdout.on('data', (chunk: Buffer) => this.take(chunk))
    child.stdin.on('error', () => undefined)
    child.once('error', (error) => this.fail(child, new Error(`Could not run git: ${error.message}. Is git installed?`)))
    child.once('close', (code) => this.fail(child, new Error(`git stopped reading the library's history (exit code ${code})`)))
    this.child = child
    return child
  }

  /**
   * Starts the process now, without reading: git's start (and the fork that
   * blocks this process's main thread) then overlaps a slower step, such as
   * a fetch, instead of delaying the first read after it.
   */
  warm(): void {
    const child = this.start()
    if (this.waiting.length === 0) this.hold(child, false)
  }

  /** An idle reader keeps no program from exiting; a read under way does. */
  private hold(child: ReturnType<typeof startGit>, held: boolean): void {
    for (const handle of [child, child.stdin, child.stdout] as { ref?: () => void; unref?: () => void }[]) (held ? handle.ref : handle.unref)?.call(handle)
  }

  /** The process ended before answering: every read still waiting fails, and the next read starts a new one. */
  private fail(child: ReturnType<typeof startGit>, error: Error): void {
    if (this.child !== child) return
    this.child = null
    this.chunks = []
    this.buffered = 0
    this.needed = 0
    for (const waiter of this.waiting.splice(0)) waiter.reject(error)
  }

  /** Parses as many whole answers as have arrived, each for the oldest waiting read; a large object's chunks are joined once, when all are in. */
  private take(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    if (this.buffered < this.needed) return
    let pending = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks)
    this.needed = 0
    for (;;) {
      const waiter = this.waiting[0]
      const end = pending.indexOf(10)
      if (!waiter || end < 0) break
      const header = pending.subarray(0, end).toString('utf8')
      const found = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(header)
      if (!found) {
        // "<name> missing" or "<name> ambiguous".
        pending = pending.subarray(end + 1)
        this.answer(null)
        continue
      }
      const size = Number(found[3])
      if (pending.length < end + 1 + size + 1) {
        this.needed = end + 1 + size + 1
        break
      }
      const bytes = Buffer.from(pending.subarray(end + 1, end + 1 + size))
      pending = pending.subarray(end + 1 + size + 1)
      this.answer({ sha: found[1]!, type: found[2]!, bytes })
    }
    this.chunks = pending.length ? [pending] : []
    this.buffered = pending.length
  }

  private answer(found: GitObject | null): void {
    this.waiting.shift()!.resolve(found)
    if (this.waiting.length === 0 && this.child) this.hold(this.child, false)
  }

  /** The object `name` names (`<rev>:<path>`, a ref, a sha), or null when there is none. */
  read(name: string): Promise<GitObject | null> {
    if (name.includes('\n')) return Promise.resolve(null)
    const atPath = /^([^:]+):(.+)$/.exec(name)
    const parts = atPath?.[2]!.split('/')
    if (atPath && parts!.every((part) => part && part !== '.' && part !== '..')) return this.readAt(atPath[1]!, parts!)
    return this.askOnce(name)
  }

  /** `ask`, answered from `treeAnswers` when `name` can only mean one tree. */
  private askOnce(name: string): Promise<GitObject | null> {
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?(?:\^\{tree\})?$/.test(name)) return this.ask(name)
    const known = this.treeAnswers.get(name)
    if (known) return known
    // Only a tree is kept: a blob or commit is read once by a sync anyway, and a failure is asked again next time.
    const asked = this.ask(name).then((found) => {
      if (found?.type !== 'tree') this.treeAnswers.delete(name)
      return found
    })
    asked.catch(() => this.treeAnswers.delete(name))
    this.treeAnswers.set(name, asked)
    return asked
  }

  /**
   * `<rev>:<path>` walked one tree at a time, each tree read and parsed once:
   * cat-file would read and search the 10,000-entry articles tree again for
   * every path asked, several milliseconds each.
   */
  private async readAt(rev: string, parts: string[]): Promise<GitObject | null> {
    const root = await this.askOnce(`${rev}^{tree}`)
    if (!root) return null
    if (!this.trees.has(root.sha)) this.trees.set(root.sha, Promise.resolve(new TreeObject(root.bytes, root.sha.length / 2)))
    let entry: TreeEntry | undefined = { mode: TREE_MODE, sha: root.sha }
    for (const part of parts) {
      if (entry.mode !== TREE_MODE) return null
      entry = (await this.tree(entry.sha))?.get(part)
      if (!entry) return null
    }
    return this.ask(entry.sha)
  }

  private tree(sha: string): Promise<TreeObject | null> {
    let entries = this.trees.get(sha)
    if (!entries) {
      entries = this.askOnce(sha).then((found) => (found?.type === 'tree' ? new TreeObject(found.bytes, sha.length / 2) : null))
      // A failed read is asked again next time, not remembered.
      entries.catch(() => this.trees.delete(sha))
      this.trees.set(sha, entries)
    }
    return entries
  }

  private ask(name: string): Promise<GitObject | null> {
    const child = this.start()
    this.hold(child, true)
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      child.stdin.write(`${name}\n`)
    })
  }

  /** Ends the process; reads after this start a new one. */
  close(): Promise<void> {
    const child = this.child
    this.child = null
    this.trees.clear()
    this.treeAnswers.clear()
    this.chunks = []
    this.buffered = 0
    this.needed = 0
    if (!child) return Promise.resolve()
    this.hold(child, true)
    return new Promise((resolve) => {
      child.once('close', () => resolve())
      child.stdin.end()
    })
  }
}
