import { createHash } from 'node:crypto'
import { readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { indexEntrySchema, SINGLE_OBJECT_SEAL, singleObjectSnapshotSchema, trashEntrySchema, type Snapshot } from '../../../src/main/library/index-schema'
import { entryOfRow, entryRow, trashOfRow, trashRow } from '../../../src/main/library/index-rows'
import { SnapshotFile } from '../../../src/main/library/index-snapshot'
import { SealedJsonFile } from '../../../src/main/library/sealed-json-file'
import type { IndexEntry, TrashEntry } from '../../../src/main/library/summary'
import { makeTempDir } from '../../support/temp-dir'
import { arbitraryFor } from '../../support/zod-arbitrary'

const entry = (n: number, title = `Story number ${n}`): IndexEntry => ({
  id: `article-${String(n).padStart(6, '0')}`,
  slug: `story-${n}`,
  title,
  status: n % 3 === 0 ? 'approved' : 'draft',
  authors: ['Ada Lovelace'],
  tags: ['science', `tag-${n % 7}`],
  category: 'News',
  publishDate: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  words: 100 + n,
  readingMinutes: 1,
  lead: `The lead of story ${n}, which runs on for a while so that the file grows past a megabyte…`,
  promoIds: [],
  stamp: { mtimeMs: 1_700_000_000_000 + n, size: 1000 + n }
})
const trashed: TrashEntry = { ...entry(999_999), trashedAt: '2025-02-01T00:00:00.000Z' }

const snapshot = (count: number): Snapshot => ({
  name: 'Newsroom',
  createdAt: '2025-01-01T00:00:00.000Z',
  generation: 3,
  articles: Array.from({ length: count }, (_, n) => entry(n)),
  trash: [trashed]
})

let temp: Awaited<ReturnType<typeof makeTempDir>>
let file: string
beforeEach(async () => {
  temp = await makeTempDir('copydesk-snapshot-')
  file = join(temp.path, 'copydesk-library.json')
})
afterEach(() => temp.cleanup())

const lines = async (): Promise<string[]> => (await readFile(file, 'latin1')).split('\n')
const writeLines = (all: string[]): Promise<void> => writeFile(file, all.join('\n'), 'latin1')

describe('the index snapshot, one line per entry', () => {
  it('reads back, sealed and current, a snapshot spread over several reads, with names past ASCII intact in a file of ASCII bytes', async () => {
    // About 2.6 MB: lines cross the 1 MB reads.
    const value = snapshot(9000)
    value.articles[4321] = entry(4321, 'Café “déjà vu” — ヘディ 😀')
    await new SnapshotFile(file).write(value)
    const bytes = await readFile(file)
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024)
    expect(bytes.every((byte) => byte < 0x80)).toBe(true)
    expect(await lines()).toHaveLength(9000 + 1 + 3)
    expect(await new SnapshotFile(file).readSealed()).toEqual({ value, current: true })
  })

  it('checks a snapshot whose text changed entry by entry, keeps it when every entry fits, and says it must be written again', async () => {
    await new SnapshotFile(file).write(snapshot(3))
    const all = await lines()
    all[2] = all[2]!.replace('Story number 1', 'Story number one')
    await writeLines(all)
    const read = await new SnapshotFile(file).readSealed()
    expect(read?.current).toBe(false)
    expect(read?.value.articles[1]?.title).toBe('Story number one')
  })

  it('refuses a changed entry that does not fit, although the seal is still there', async () => {
    await new SnapshotFile(file).write(snapshot(3))
    const all = await lines()
    // The row's modification time, a number, made a word.
    const row = JSON.parse(all[2]!) as unknown[]
    expect(row[15]).toBe(entry(1).stamp.mtimeMs)
    row[15] = 'yesterday'
    all[2] = JSON.stringify(row)
    await writeLines(all)
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow()
  })

  it('refuses a changed row whose lists are not lists of words, although the seal is still there', async () => {
    await new SnapshotFile(file).write(snapshot(3))
    for (const change of [(row: unknown[]) => (row[4] = 'Ada Lovelace'), (row: unknown[]) => (row[5] = ['science', 7]), (row: unknown[]) => (row[14] = null)]) {
      const all = await lines()
      const row = JSON.parse(all[2]!) as unknown[]
      change(row)
      all[2] = JSON.stringify(row)
      await writeLines(all)
      await expect(new SnapshotFile(file).readSealed()).rejects.toThrow()
      await new SnapshotFile(file).write(snapshot(3))
    }
  })

  it('reads back entries marked as edited since approval, with a lead and without, and one whose two times are the same', async () => {
    const value = snapshot(4)
    // In the order a freshly indexed entry has its fields.
    const edited = ({ promoIds, stamp, ...rest }: IndexEntry): IndexEntry => ({ ...rest, editedSinceApproval: true, promoIds, stamp })
    const { lead: _lead, ...bare } = entry(1)
    value.articles[1] = edited(bare)
    value.articles[2] = edited(entry(2))
    value.articles[3] = { ...entry(3), updatedAt: entry(3).createdAt }
    await new SnapshotFile(file).write(value)
    const read = await new SnapshotFile(file).readSealed()
    expect(read).toStrictEqual({ value, current: true })
    expect(read?.value.articles.map((article) => Object.keys(article))).toEqual(value.articles.map((article) => Object.keys(article)))
  })

  it('takes a sealed snapshot in UTF-8 (as older versions wrote it), whose lines cross the reads, as sealed, and says it must be written again', async () => {
    const value = snapshot(9000)
    for (let n = 0; n < 9000; n += 97) value.articles[n] = entry(n, `Café “déjà vu” — ヘディ 😀 ${n}`)
    // No entry fits the schema with a negative word count: only a snapshot taken as sealed is used without that check.
    value.articles[8999] = { ...entry(8999), words: -1 }
    const { name, createdAt, generation, articles, trash } = value
    const header = { formatVersion: 3, name, createdAt, generation, articles: articles.length, trash: trash.length }
    const body = Buffer.from([header, ...articles.map(entryRow), ...trash.map(trashRow)].map((line) => `${JSON.stringify(line)}\n`).join(''))
    const digest = createHash('sha256').update('copydesk-index-3').update(body).digest('hex')
    await writeFile(file, Buffer.concat([body, Buffer.from(`{"sha256":"${digest}"}\n`)]))
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024)
    expect(await new SnapshotFile(file).readSealed()).toEqual({ value, current: false })
    // The same file with its seal changed is checked entry by entry, and refused for that entry.
    await writeFile(file, Buffer.concat([body, Buffer.from(`{"sha256":"${digest.replace(/^./, (c) => (c === '0' ? '1' : '0'))}"}\n`)]))
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow()
  })

  it('refuses a snapshot cut short at the end of a line, whose entries are fewer than its header says', async () => {
    await new SnapshotFile(file).write(snapshot(5))
    const all = await lines()
    await writeLines([...all.slice(0, 3), ''])
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow(/fewer entries/)
  })

  it('refuses a snapshot cut short in the middle of a line, as a write that never finished leaves it', async () => {
    await new SnapshotFile(file).write(snapshot(5))
    await truncate(file, (await readFile(file)).length - 10)
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow(/middle of a line/)
  })

  it('refuses a snapshot that goes on after its seal', async () => {
    await new SnapshotFile(file).write(snapshot(2))
    await writeFile(file, `${await readFile(file, 'latin1')}${JSON.stringify(entry(7))}\n`, 'latin1')
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow(/after its seal/)
  })

  it('finds the seal where the reads cut it, and refuses a line after it that only the next read brings', async () => {
    const READ = 1024 * 1024
    /** A snapshot whose seal line starts `offset` bytes into the file: its name pads the header. */
    const sealedAt = async (offset: number): Promise<Snapshot> => {
      const value = snapshot(2500)
      await new SnapshotFile(file).write(value)
      const start = (await readFile(file, 'latin1')).lastIndexOf('\n', (await readFile(file)).length - 2) + 1
      value.name = `Newsroom${'x'.repeat(offset - start)}`
      await new SnapshotFile(file).write(value)
      expect((await readFile(file, 'latin1')).indexOf('{"sha256"')).toBe(offset)
      return value
    }
    for (const offset of [READ - 30, READ - 78, READ]) {
      const value = await sealedAt(offset)
      expect(await new SnapshotFile(file).readSealed()).toEqual({ value, current: true })
    }
    await sealedAt(READ - 78)
    await writeFile(file, `${await readFile(file, 'latin1')}${JSON.stringify(entry(7))}\n`, 'latin1')
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow(/after its seal/)
  })

  it('reads a snapshot of format 1 (one JSON object, as earlier versions wrote it) as one to write again', async () => {
    const value = snapshot(4)
    await new SealedJsonFile(file, singleObjectSnapshotSchema, SINGLE_OBJECT_SEAL).write({ formatVersion: 1, ...value })
    expect(await new SnapshotFile(file).readSealed()).toEqual({ value, current: false })
  })

  it('reads a snapshot of format 2 (one object per line, as the previous version wrote it) as one to write again', async () => {
    const value = snapshot(4)
    const { name, createdAt, generation, articles, trash } = value
    const body = [{ formatVersion: 2, name, createdAt, generation, articles: articles.length, trash: trash.length }, ...articles, ...trash].map((line) => `${JSON.stringify(line)}\n`).join('')
    const digest = createHash('sha256').update('copydesk-index-2').update(body).digest('hex')
    await writeFile(file, `${body}{"sha256":"${digest}"}\n`)
    expect(await new SnapshotFile(file).readSealed()).toEqual({ value, current: false })
    // Its seal is its format's: the same lines under this format's header are not taken as sealed.
    await writeFile(file, `${body.replace('"formatVersion":2', '"formatVersion":3')}{"sha256":"${digest}"}\n`)
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow()
  })

  it('writes each entry as a row of values that reads back as the same entry, fields in the order a fresh entry has them', async () => {
    await new SnapshotFile(file).write(snapshot(2))
    const all = await lines()
    expect(JSON.parse(all[1]!)).toEqual(entryRow(entry(0)))
    expect(Object.keys(entryOfRow(entryRow(entry(0))))).toEqual(Object.keys(entry(0)))
    expect(Object.keys(trashOfRow(trashRow(trashed)))).toEqual(Object.keys(trashed))
    const bare = { ...entry(1) }
    delete bare.lead
    expect(entryOfRow(entryRow(bare))).toStrictEqual(bare)
    expect(entryOfRow(entryRow({ ...bare, editedSinceApproval: true }))).toStrictEqual({ ...bare, editedSinceApproval: true })
  })

  it('turns any entry the schema accepts into a row and back without a change', () => {
    const options = { known: [], hostile: ['', 'null', '\u0000', '"quoted"'] }
    const entries = arbitraryFor(indexEntrySchema, options).filter((value) => indexEntrySchema.safeParse(value).success)
    const trashEntries = arbitraryFor(trashEntrySchema, options).filter((value) => trashEntrySchema.safeParse(value).success)
    fc.assert(
      fc.property(entries, trashEntries, (live, gone) => {
        const entry = indexEntrySchema.parse(live)
        const trashEntry = trashEntrySchema.parse(gone)
        // Through JSON, as the file holds it, and as the entry itself comes through JSON (where -0 is 0).
        const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
        expect(entryOfRow(throughJson(entryRow(entry)))).toEqual(throughJson(entry))
        expect(trashOfRow(throughJson(trashRow(trashEntry)))).toEqual(throughJson(trashEntry))
      }),
      { numRuns: 200 }
    )
  })

  it('reports a missing snapshot as none, and refuses one that is neither format', async () => {
    expect(await new SnapshotFile(file).readSealed()).toBeNull()
    await writeFile(file, '')
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow()
    await writeFile(file, '{"formatVersion":4,"articles":[]}\n')
    await expect(new SnapshotFile(file).readSealed()).rejects.toThrow()
  })
})
