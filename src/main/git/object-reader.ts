import { startGit, type GitSetting } from './safe-git'

/** An object as `git cat-file --batch` gives it. */
export interface GitObject {
  sha: string
  type: string
  bytes: Buffer
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
  private pending: Buffer = Buffer.alloc(0)

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

  /** An idle reader keeps no program from exiting; a read under way does. */
  private hold(child: ReturnType<typeof startGit>, held: boolean): void {
    for (const handle of [child, child.stdin, child.stdout] as { ref?: () => void; unref?: () => void }[]) (held ? handle.ref : handle.unref)?.call(handle)
  }

  /** The process ended before answering: every read still waiting fails, and the next read starts a new one. */
  private fail(child: ReturnType<typeof startGit>, error: Error): void {
    if (this.child !== child) return
    this.child = null
    this.pending = Buffer.alloc(0)
    for (const waiter of this.waiting.splice(0)) waiter.reject(error)
  }

  /** Parses as many whole answers as have arrived, each for the oldest waiting read. */
  private take(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk
    for (;;) {
      const waiter = this.waiting[0]
      const end = this.pending.indexOf(10)
      if (!waiter || end < 0) return
      const header = this.pending.subarray(0, end).toString('utf8')
      const found = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(header)
      if (!found) {
        // "<name> missing" or "<name> ambiguous".
        this.pending = this.pending.subarray(end + 1)
        this.answer(null)
        continue
      }
      const size = Number(found[3])
      if (this.pending.length < end + 1 + size + 1) return
      const bytes = Buffer.from(this.pending.subarray(end + 1, end + 1 + size))
      this.pending = this.pending.subarray(end + 1 + size + 1)
      this.answer({ sha: found[1]!, type: found[2]!, bytes })
    }
  }

  private answer(found: GitObject | null): void {
    this.waiting.shift()!.resolve(found)
    if (this.waiting.length === 0 && this.child) this.hold(this.child, false)
  }

  /** The object `name` names (`<rev>:<path>`, a ref, a sha), or null when there is none. */
  read(name: string): Promise<GitObject | null> {
    if (name.includes('\n')) return Promise.resolve(null)
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
    if (!child) return Promise.resolve()
    this.hold(child, true)
    return new Promise((resolve) => {
      child.once('close', () => resolve())
      child.stdin.end()
    })
  }
}
