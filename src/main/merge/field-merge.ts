import { isDeepStrictEqual } from 'node:util'

/**
 * One value three ways: a change made on one side lands, the same change on
 * both sides lands once; different changes on both sides keep ours and say so.
 */
export function mergeValue<T>(base: T, ours: T, theirs: T): { value: T; clash: boolean } {
  if (isDeepStrictEqual(ours, theirs) || isDeepStrictEqual(theirs, base)) return { value: ours, clash: false }
  if (isDeepStrictEqual(ours, base)) return { value: theirs, clash: false }
  return { value: ours, clash: true }
}

/**
 * A list read as a set (tags, authors, related articles): additions and
 * removals from both sides apply. Our order is kept, their additions follow.
 */
export function mergeSet(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  if (isDeepStrictEqual(ours, base)) return [...theirs]
  if (isDeepStrictEqual(theirs, base)) return [...ours]
  const had = new Set(base)
  const theyRemoved = new Set(base.filter((item) => !theirs.includes(item)))
  const merged = ours.filter((item) => !theyRemoved.has(item))
  for (const item of theirs) if (!had.has(item) && !merged.includes(item)) merged.push(item)
  return merged
}

/** The later of two ISO timestamps (ours when they are the same instant). */
export const later = (ours: string, theirs: string): string => (Date.parse(theirs) > Date.parse(ours) ? theirs : ours)
