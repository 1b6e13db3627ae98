import { diffArrays } from 'diff'

/** One side replaced base[start, end) with `items` (an insertion when start === end). */
interface Hunk<T> {
  side: 'ours' | 'theirs'
  start: number
  end: number
  items: T[]
}

export type Region<T> = { kind: 'ok'; items: T[] } | { kind: 'conflict'; ours: T[]; theirs: T[] }

/** What `side` changed against `base`, as hunks in base order (the diff library finds them). */
function hunksOf<T>(side: Hunk<T>['side'], base: readonly T[], changed: readonly T[], key: (item: T) => string): Hunk<T>[] {
  const hunks: Hunk<T>[] = []
  let current: Hunk<T> | null = null
  let b = 0
  let s = 0
  for (const change of diffArrays(base.map(key), changed.map(key))) {
    const count = change.count
    if (!change.added && !change.removed) {
      current = null
      b += count
      s += count
      continue
    }
    if (!current) hunks.push((current = { side, start: b, end: b, items: [] }))
    if (change.removed) current.end = b += count
    else {
      current.items.push(...changed.slice(s, s + count))
      s += count
    }
  }
  return hunks
}

/**
 * Whether `next` (starting at or after the group) touches the same base items:
 * ranges that overlap, an insertion strictly inside a replaced range, or two
 * insertions at one point. Changes that only meet at an edge do not clash, so
 * edits to neighbouring words both land.
 */
const clashes = <T>(group: Hunk<T>[], groupEnd: number, next: Hunk<T>): boolean =>
  next.start < groupEnd || (next.start === next.end && group.some((h) => h.start === h.end && h.start === next.start))

function versionOf<T>(base: readonly T[], hunks: Hunk<T>[], start: number, end: number): T[] {
  const out: T[] = []
  let at = start
  for (const hunk of hunks) {
    out.push(...base.slice(at, hunk.start), ...hunk.items)
    at = hunk.end
  }
  out.push(...base.slice(at, end))
  return out
}

/**
 * A three-way merge of two sequences against their common base (diff3's
 * rule, with neighbouring changes kept apart): changes one side made land; the
 * same change made on both sides lands once; different changes to the same
 * items come back as a conflict region holding both versions.
 */
export function mergeSequences<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[], key: (item: T) => string): Region<T>[] {
  const hunks = [...hunksOf('ours', base, ours, key), ...hunksOf('theirs', base, theirs, key)].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.side === b.side ? 0 : a.side === 'ours' ? -1 : 1)
  )
  const regions: Region<T>[] = []
  const ok = (items: T[]): void => {
    if (items.length === 0) return
    const last = regions.at(-1)
    if (last?.kind === 'ok') last.items.push(...items)
    else regions.push({ kind: 'ok', items })
  }
  let at = 0
  for (let i = 0; i < hunks.length; ) {
    const group = [hunks[i++]!]
    let groupEnd = group[0]!.end
    while (i < hunks.length && clashes(group, groupEnd, hunks[i]!)) {
      const next = hunks[i++]!
      group.push(next)
      groupEnd = Math.max(groupEnd, next.end)
    }
    const groupStart = group[0]!.start
    ok(base.slice(at, groupStart))
    at = groupEnd
    const mine = versionOf(base, group.filter((h) => h.side === 'ours'), groupStart, groupEnd)
    const other = versionOf(base, group.filter((h) => h.side === 'theirs'), groupStart, groupEnd)
    const bothSides = group.some((h) => h.side === 'ours') && group.some((h) => h.side === 'theirs')
    const same = mine.length === other.length && mine.every((item, n) => key(item) === key(other[n]!))
    if (!bothSides) ok(group[0]!.side === 'ours' ? mine : other)
    else if (same) ok(mine)
    else regions.push({ kind: 'conflict', ours: mine, theirs: other })
  }
  ok(base.slice(at))
  return regions
}
