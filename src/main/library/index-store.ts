import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Low } from 'lowdb'
import type * as z from 'zod'
import { journalHeaderSchema, journalOpSchema, type JournalOp, type Snapshot } from './index-schema'
import { SnapshotFile } from './index-snapshot'
import { writeFileAtomic } from './json-file'
import type { LibraryPaths } from './layout'
import { ListOrders } from './list-orders'
import type { IndexEntry, TrashEntry } from './summary'

export type { JournalOp } from './index-schema'

/** Why the index could not be used as it is; the caller rebuilds it from the files. */
export type IndexProblem = { kind: 'missing' } | { kind: 'damaged' } | { kind: 'journal'; badLines: number } | null

interface ParsedJournal {
  /** The header's generation; null when the first line is not a header. */
  generation: number | null
  ops: JournalOp[]
  /** Complete lines that are not JSON, or not the change they should be: each one is skipped. */
  badLines: number
  /** Bytes up to the end of the last complete line: a torn last line (a crash mid-append) is ignored and later cut off. */
  validLength: number
}

function parseLine<T>(line: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function parseJournal(text: string, startsWithHeader: boolean): ParsedJournal {
  const end = text.lastIndexOf('\n') + 1
  const lines = text.slice(0, end).split('\n').slice(0, -1)
  let generation: number | null = null
  let badLines = 0
  const ops: JournalOp[] = []
  for (const [i, line] of lines.entries()) {
    if (i === 0 && startsWithHeader) {
      generation = parseLine(line, journalHeaderSchema)?.generation ?? null
      if (generation === null) badLines++
      continue
    }
    const op = parseLine(line, journalOpSchema)
    if (op) ops.push(op)
    else badLines++
  }
  return { generation, ops, badLines, validLength: Buffer.byteLength(text.slice(0, end)) }
}

const header = (generation: number): string => `${JSON.stringify({ generation })}\n`

/**
 * The library index: a lowdb snapshot of every article summary plus an
 * append-only journal of changes since, so saving one article appends one
 * line instead of rewriting an index of every article. The journal is folded
 * into a new snapshot once it holds more lines than a quarter of the entries
 * (500 at least), keeping the cost per save constant on average and the
 * journal an opening reads short: each line is parsed and checked against
 * the schema, and a journal allowed to grow as long as the index cost an
 * opening of 50,000 articles hundreds of milliseconds, then a compaction.
 */
export class IndexStore {
  readonly articles = new Map<string, IndexEntry>()
  readonly trash = new Map<string, TrashEntry>()
  /** The live articles sorted for the list, following every change made here. */
  readonly orders = new ListOrders(this.articles)
  name: string
  private readonly snapshotFile: SnapshotFile
  private readonly db: Low<Snapshot>
  /**
   * Whether the snapshot read is as this version writes it: one without its
   * seal is checked entry by entry, one in UTF-8 decodes slower, and one of
   * an older format reads slower, until it is written again.
   */
  private sealed = true
  private createdAt: string
  private generation = 0
  /** What we last read of the journal: `offset` ends the last complete line, `size` is what the file held. */
  private journal = { ino: -1, offset: 0, size: 0, lines: 0, stale: true }
  private skippedLines = 0

  private constructor(
    private readonly paths: LibraryPaths,
    name: string
  ) {
    this.name = name
    this.createdAt = new Date().toISOString()
    this.snapshotFile = new SnapshotFile(paths.index)
    this.db = new Low<Snapshot>(this.snapshotFile, this.toSnapshot(false))
  }

  /** Reads the snapshot and journal; a missing or damaged snapshot leaves the index empty for the caller to rebuild. */
  static async load(paths: LibraryPaths, defaultName: string): Promise<{ store: IndexStore; problem: IndexProblem }> {
    const store = new IndexStore(paths, defaultName)
    const problem = await store.loadFromDisk()
    return { store, problem }
  }

  private async loadFromDisk(): Promise<IndexProblem> {
    this.orders.reset()
    this.articles.clear()
    this.trash.clear()
    let problem: IndexProblem = null
    try {
      // Not through Low.read(), which keeps its default data when the file is missing, hiding that.
      const snapshot = await this.snapshotFile.readSealed()
      if (snapshot === null) problem = { kind: 'missing' }
      else {
        const { name, createdAt, generation, articles, trash } = snapshot.value
        this.sealed = snapshot.current
        this.name = name
        this.createdAt = createdAt
        this.generation = generation
        for (const entry of articles) this.articles.set(entry.id, entry)
        for (const entry of trash) this.trash.set(entry.id, entry)
      }
    } catch {
      problem = { kind: 'damaged' }
    }
    if (!problem) {
      const { badLines } = this.readJournalFrom(0)
      // A line that is not what it should be means the index cannot be trusted: it is rebuilt from the files.
      if (badLines > 0) problem = { kind: 'journal', badLines }
    }
    if (problem) {
      this.articles.clear()
      this.trash.clear()
      // A damaged journal beside a good snapshot keeps its generation, so the rebuilt index's is newer than the journal's.
      if (problem.kind !== 'journal') this.generation = 0
      this.journal = { ino: -1, offset: 0, size: 0, lines: 0, stale: true }
    }
    return problem
  }

  /**
   * Applies journal lines from `offset` on; returns the ids they touched and
   * how many lines were skipped as bad. Read synchronously: the journal is
   * short (a quarter of the index at most), and each call through libuv's
   * thread pool made this thread wait for another to be scheduled, which an
   * opening with every core busy felt at each of the four.
   */
  private readJournalFrom(offset: number): { touched: Set<string>; badLines: number } {
    const touched = new Set<string>()
    let text: string
    let ino: number
    let size: number
    try {
      const fd = openSync(this.paths.journal, 'r')
      try {
        const stats = fstatSync(fd)
        ino = stats.ino
        size = stats.size
        const length = Math.max(0, stats.size - offset)
        const buffer = Buffer.alloc(length)
        readSync(fd, buffer, 0, length, offset)
        text = buffer.toString('utf8')
      } finally {
        closeSync(fd)
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      this.journal = { ino: -1, offset: 0, size: 0, lines: 0, stale: true }
      return { touched, badLines: 0 }
    }
    const parsed = parseJournal(text, offset === 0)
    if (offset === 0) {
      // Older than the snapshot: a compaction stopped before replacing the journal, whose lines the snapshot already holds.
      // A header of another generation is an older journal, not a damaged one. Every journal starts with a header
      // (compaction writes it atomically): a journal without one was cut short or overwritten.
      const stale = parsed.generation !== this.generation
      this.journal = { ino, offset: parsed.validLength, size, lines: 0, stale }
      if (stale) return { touched, badLines: parsed.generation === null ? Math.max(1, parsed.badLines) : 0 }
    } else {
      this.journal.offset += parsed.validLength
      this.journal.size = size
    }
    for (const op of parsed.ops) touched.add(this.apply(op))
    this.journal.lines += parsed.ops.length
    if (offset > 0 && parsed.badLines > 0) this.skippedLines += parsed.badLines
    return { touched, badLines: parsed.badLines }
  }

  /**
   * Journal lines another process appended that were not valid changes, since
   * last asked: they were skipped, and the next opening rebuilds the index.
   */
  takeSkippedLines(): number {
    const skipped = this.skippedLines
    this.skippedLines = 0
    return skipped
  }

  private apply(op: JournalOp): string {
    if ('put' in op) {
      if (op.put === 'trash') this.trash.set(op.entry.id, op.entry as TrashEntry)
      else {
        this.orders.changed(this.articles.get(op.entry.id), op.entry)
        this.articles.set(op.entry.id, op.entry)
      }
      return op.entry.id
    }
    if (op.drop === 'trash') this.trash.delete(op.id)
    else {
      this.orders.changed(this.articles.get(op.id), undefined)
      this.articles.delete(op.id)
    }
    return op.id
  }

  /**
   * Catches up with what another process (the CLI, a second window) wrote
   * since we last looked. Call it holding the library lock before writing,
   * so the lines we append follow theirs. Returns the ids that changed.
   */
  async refresh(): Promise<Set<string>> {
    let ino: number
    try {
      ino = (await stat(this.paths.journal)).ino
    } catch {
      ino = -1
    }
    if (ino === this.journal.ino && ino !== -1) return this.readJournalFrom(this.journal.offset).touched
    // Another process compacted (or the journal vanished): reload everything and report what differs.
    const before = new Map([...this.articles, ...this.trash])
    const problem = await this.loadFromDisk()
    if (problem) {
      // The files on disk went bad under us: keep what we know and write it out whole at the next change.
      for (const [id, entry] of before) ('trashedAt' in entry ? this.trash : this.articles).set(id, entry as TrashEntry)
      this.orders.reset()
      return new Set()
    }
    const after = new Map<string, IndexEntry>([...this.articles, ...this.trash])
    const touched = new Set<string>()
    for (const [id, entry] of after) if (before.get(id) !== entry && JSON.stringify(before.get(id)) !== JSON.stringify(entry)) touched.add(id)
    for (const id of before.keys()) if (!after.has(id)) touched.add(id)
    return touched
  }

  /** True when another process appended to the journal or compacted it since we last read it. */
  async changedOnDisk(): Promise<boolean> {
    try {
      const stats = await stat(this.paths.journal)
      return stats.ino !== this.journal.ino || stats.size !== this.journal.size
    } catch {
      return this.journal.ino !== -1
    }
  }

  /**
   * Whether opening should fold the journal into a new snapshot: reading a
   * journal line costs more than reading the same entry in the snapshot, and
   * a bulk change (50,000 articles copied in, a sync clone) would otherwise
   * leave every later opening parsing a journal as big as the library. A
   * snapshot without its seal (written by an older version, or edited by
   * hand) is written again too, so that later openings need not check it
   * entry by entry, and so is a sealed one in UTF-8 (older versions'), so
   * that they decode it as plain ASCII.
   */
  wantsCompaction(pendingOps: number): boolean {
    return !this.sealed || this.journal.lines + pendingOps > this.journalLimit()
  }

  private journalLimit(): number {
    return Math.max(500, (this.articles.size + this.trash.size) / 4)
  }

  /** Appends `ops` to the journal (fsynced) and applies them. Call holding the lock, after refresh(). */
  async record(ops: JournalOp[]): Promise<void> {
    if (this.journal.stale) return this.compact(ops)
    const text = ops.map((op) => `${JSON.stringify(op)}\n`).join('')
    // Never appended through a link (O_NOFOLLOW, where the system has it): a journal that is one is replaced whole.
    const handle = await open(this.paths.journal, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ELOOP') return null
      throw error
    })
    if (!handle) return this.compact(ops)
    try {
      if (this.journal.size > this.journal.offset) await handle.truncate(this.journal.offset)
      const bytes = Buffer.from(text)
      await handle.write(bytes, 0, bytes.length, this.journal.offset)
      await handle.datasync()
      this.journal.offset += bytes.length
      this.journal.size = this.journal.offset
    } finally {
      await handle.close()
    }
    for (const op of ops) this.apply(op)
    this.journal.lines += ops.length
    if (this.journal.lines > this.journalLimit()) await this.compact()
  }

  /** Writes a new snapshot (and an empty journal) holding everything, plus `ops`. Call holding the lock. */
  async compact(ops: JournalOp[] = []): Promise<void> {
    for (const op of ops) this.apply(op)
    this.generation += 1
    this.db.data = this.toSnapshot()
    await this.db.write()
    // The maps hold the entries; two arrays of 50,000 more references would only wait for the next compaction.
    this.db.data = this.toSnapshot(false)
    this.sealed = true
    await writeFileAtomic(this.paths.journal, header(this.generation))
    const { ino, size } = await stat(this.paths.journal)
    this.journal = { ino, offset: size, size, lines: 0, stale: false }
  }

  private toSnapshot(withEntries = true): Snapshot {
    return {
      name: this.name,
      createdAt: this.createdAt,
      generation: this.generation,
      articles: withEntries ? [...this.articles.values()] : [],
      trash: withEntries ? [...this.trash.values()] : []
    }
  }
}
