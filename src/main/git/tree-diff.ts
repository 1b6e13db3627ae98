import type { GitObject } from './object-reader'

/** A path whose blob differs between two trees: its new mode and blob, or null where it was removed. */
export interface PathChange {
  path: string
  to: { mode: string; sha: string } | null
}

/** Reads an object by name (a `cat-file --batch` conversation: ObjectReader). */
export type ReadObject = (name: string) => Promise<GitObject | null>

const SPACE = 0x20
const SLASH = 0x2f
const TREE_MODE = '40000'

/** One entry of a tree object: "<mode> <name>\0" then the id's raw bytes, at `start`..`end`. */
interface Entry {
  start: number
  space: number
  nul: number
  end: number
}

function entriesOf(bytes: Buffer, idBytes: number): Entry[] {
  const found: Entry[] = []
  for (let start = 0; start < bytes.length; ) {
    const nul = bytes.indexOf(0, start)
    const space = bytes.indexOf(SPACE, start)
    if (nul < 0 || space < 0 || space > nul) throw new Error('git gave a tree this program cannot read')
    found.push({ start, space, nul, end: nul + 1 + idBytes })
    start = nul + 1 + idBytes
  }
  return found
}

const isFolder = (bytes: Buffer, e: Entry): boolean => e.space - e.start === TREE_MODE.length && bytes.toString('latin1', e.start, e.space) === TREE_MODE

/** How two entries sort in git's order: by name, a folder's as if it ended in "/". */
function order(a: Buffer, x: Entry, b: Buffer, y: Entry): number {
  const [xl, yl] = [x.nul - x.space - 1, y.nul - y.space - 1]
  const common = Math.min(xl, yl)
  const differs = a.compare(b, y.space + 1, y.space + 1 + common, x.space + 1, x.space + 1 + common)
  if (differs !== 0) return differs
  const next = (bytes: Buffer, e: Entry, length: number): number => (length > common ? bytes[e.space + 1 + common]! : isFolder(bytes, e) ? SLASH : 0)
  return next(a, x, xl) - next(b, y, yl)
}

/** Entries by tree bytes: an object reader gives the same bytes for the same tree, and a merge diffs the base's twice. */
const parsed = new WeakMap<Buffer, Entry[]>()

function entriesOnce(bytes: Buffer, idBytes: number): Entry[] {
  let entries = parsed.get(bytes)
  if (!entries) parsed.set(bytes, (entries = entriesOf(bytes, idBytes)))
  return entries
}

interface Tree {
  bytes: Buffer
  entries: Entry[]
}

/**
 * Every blob path that differs between two trees (`from` and `to` name a tree
 * or a commit; null is an empty tree), without rename detection, as
 * `git diff-tree -r` finds them but read through an object reader already
 * running: no process to start. Entries equal byte for byte (the 10,000
 * unchanged articles) are passed over without a string made for them.
 */
export async function diffTrees(read: ReadObject, from: string | null, to: string | null): Promise<PathChange[]> {
  const changes: PathChange[] = []
  const treeOf = async (name: string | null): Promise<Tree | null> => {
    if (name === null) return null
    const found = await read(`${name}^{tree}`)
    if (!found || found.type !== 'tree') throw new Error(`git has no tree for “${name}”`)
    return { bytes: found.bytes, entries: entriesOnce(found.bytes, found.sha.length / 2) }
  }
  const walk = async (old: Tree | null, now: Tree | null, prefix: string): Promise<void> => {
    const [a, b] = [old?.entries ?? [], now?.entries ?? []]
    const nameOf = (tree: Tree, e: Entry): string => `${prefix}${tree.bytes.toString('utf8', e.space + 1, e.nul)}`
    const shaOf = (tree: Tree, e: Entry): string => tree.bytes.toString('hex', e.nul + 1, e.end)
    const removed = async (e: Entry): Promise<void> => {
      if (isFolder(old!.bytes, e)) await walk(await treeOf(shaOf(old!, e)), null, `${nameOf(old!, e)}/`)
      else changes.push({ path: nameOf(old!, e), to: null })
    }
    const added = async (e: Entry): Promise<void> => {
      if (isFolder(now!.bytes, e)) await walk(null, await treeOf(shaOf(now!, e)), `${nameOf(now!, e)}/`)
      else changes.push({ path: nameOf(now!, e), to: { mode: now!.bytes.toString('latin1', e.start, e.space), sha: shaOf(now!, e) } })
    }
    let [i, j] = [0, 0]
    while (i < a.length || j < b.length) {
      const [x, y] = [a[i], b[j]]
      if (x && y && x.end - x.start === y.end - y.start && old!.bytes.compare(now!.bytes, y.start, y.end, x.start, x.end) === 0) {
        i++
        j++
        continue
      }
      const sorted = !x ? 1 : !y ? -1 : order(old!.bytes, x, now!.bytes, y)
      if (sorted < 0) {
        await removed(x!)
        i++
      } else if (sorted > 0) {
        await added(y!)
        j++
      } else {
        // The same name on both sides, both folders or neither (git's order tells a folder from a file of that name).
        if (isFolder(old!.bytes, x!)) await walk(await treeOf(shaOf(old!, x!)), await treeOf(shaOf(now!, y!)), `${nameOf(old!, x!)}/`)
        else await added(y!)
        i++
        j++
      }
    }
  }
  const [old, now] = await Promise.all([treeOf(from), treeOf(to)])
  await walk(old, now, '')
  return changes
}
