import type { TermList } from '../../../src/main/library/search-term-list'

/**
 * TermDictionary.near as it was before it stopped at prefixes with no edit
 * to spare: the oracle the faster walk is checked against, word for word
 * and in the same order (the order a query adds its words to the ranking
 * in). `sorted` is the dictionary's sorted words (order()), `unsorted` the
 * words added since, in the order they were added.
 */
export function nearBefore(terms: TermList, sorted: Uint32Array, unsorted: readonly number[], word: string, maxDistance: number): [string, number, number][] {
  const found: [string, number, number][] = []
  const width = word.length
  const letters = Uint16Array.from(word, (c) => c.charCodeAt(0))
  const rows = new Uint16Array((width + maxDistance + 2) * (width + 1))
  for (let j = 0; j <= width; j++) rows[j] = j
  const runEnd = (at: number, high: number, depth: number, letter: number): number => {
    let low = at + 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (terms.charCodeAt(sorted[middle]!, depth) <= letter) low = middle + 1
      else high = middle
    }
    return low
  }
  const visit = (low: number, high: number, depth: number): void => {
    const row = depth * (width + 1)
    let at = low
    if (terms.lengthOf(sorted[at]!) === depth) {
      if (Math.abs(depth - width) <= maxDistance && rows[row + width]! <= maxDistance) found.push([terms.at(sorted[at]!), sorted[at]!, rows[row + width]!])
      at++
    }
    while (at < high) {
      const letter = terms.charCodeAt(sorted[at]!, depth)
      const end = runEnd(at, high, depth, letter)
      if (nextRow(rows, row, letters, letter, depth + 1, maxDistance) <= maxDistance) visit(at, end, depth + 1)
      at = end
    }
  }
  if (sorted.length) visit(0, sorted.length, 0)
  for (const id of unsorted) {
    const term = terms.at(id)
    const distance = editDistance(word, term)
    if (distance <= maxDistance) found.push([term, id, distance])
  }
  return found
}

function nextRow(rows: Uint16Array, from: number, word: Uint16Array, letter: number, depth: number, maxDistance: number): number {
  const width = word.length
  const to = from + width + 1
  const cap = maxDistance + 1
  const low = Math.max(1, depth - maxDistance)
  const high = Math.min(width, depth + maxDistance)
  rows[to] = Math.min(depth, cap)
  let smallest = rows[to]!
  if (low > 1) rows[to + low - 1] = cap
  if (high < width) rows[to + high + 1] = cap
  for (let j = low; j <= high; j++) {
    const cell = Math.min(rows[from + j]! + 1, rows[to + j - 1]! + 1, rows[from + j - 1]! + (word[j - 1] === letter ? 0 : 1), cap)
    rows[to + j] = cell
    if (cell < smallest) smallest = cell
  }
  return smallest
}

function editDistance(word: string, term: string): number {
  const letters = Uint16Array.from(word, (c) => c.charCodeAt(0))
  const rows = new Uint16Array((term.length + 1) * (word.length + 1))
  for (let j = 0; j <= word.length; j++) rows[j] = j
  const unbounded = word.length + term.length
  for (let i = 0; i < term.length; i++) nextRow(rows, i * (word.length + 1), letters, term.charCodeAt(i), i + 1, unbounded)
  return rows[term.length * (word.length + 1) + word.length]!
}
