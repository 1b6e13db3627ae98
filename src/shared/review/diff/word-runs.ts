import { diffWords } from 'diff'
import { countWords } from '../../article/body'
import type { Run } from './diff-types'

export interface WordDiff {
  runs: Run[]
  added: number
  removed: number
  same: number
}

/** Words added and removed in place, for one piece of text. */
export function wordDiff(before: string, after: string): WordDiff {
  const result: WordDiff = { runs: [], added: 0, removed: 0, same: 0 }
  for (const change of diffWords(before, after)) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same'
    result.runs.push({ kind, text: change.value })
    result[kind] += countWords(change.value)
  }
  return result
}

/** How alike two texts are, from 0 (nothing shared) to 1 (same words). */
export function similarity(diff: WordDiff): number {
  const longest = Math.max(diff.same + diff.removed, diff.same + diff.added)
  return longest === 0 ? 1 : diff.same / longest
}

export const wholeRun = (kind: Run['kind'], text: string): Run[] => (text ? [{ kind, text }] : [])

export function countPhrase(added: number, removed: number): string {
  const words = (n: number) => `${n} ${n === 1 ? 'word' : 'words'}`
  if (added && removed) return `${words(added)} added, ${removed} removed.`
  if (added) return `${words(added)} added.`
  if (removed) return `${words(removed)} removed.`
  return 'Formatting or links changed; the words are the same.'
}
