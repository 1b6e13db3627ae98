import { diffArrays } from 'diff'
import type { BodyUnit } from './body-units'
import type { DiffLine, DiffSection } from './diff-types'
import { countPhrase, similarity, wholeRun, wordDiff } from './word-runs'

/** Below this share of common words, an old and a new block read as two different blocks. */
const SAME_BLOCK_SIMILARITY = 0.4

interface Placed {
  unit: BodyUnit
  /** Index in its own list (before or after). */
  index: number
}

interface Hunk {
  removed: Placed[]
  added: Placed[]
}

export interface BodyDiff {
  sections: DiffSection[]
  wordsAdded: number
  wordsRemoved: number
}

/**
 * Compares two bodies unit by unit: units found unchanged are skipped, a unit
 * found elsewhere is moved, an old and a new unit of the same kind in the same
 * place that share enough words are one edited unit, the rest were added or
 * removed.
 */
export function diffBodies(before: BodyUnit[], after: BodyUnit[]): BodyDiff {
  const hunks = changedHunks(before, after)
  const moves = findMoves(hunks)
  const result: BodyDiff = { sections: [], wordsAdded: 0, wordsRemoved: 0 }
  const emit = (section: DiffSection, added: number, removed: number): void => {
    result.sections.push(section)
    result.wordsAdded += added
    result.wordsRemoved += removed
  }
  for (const hunk of hunks) {
    const removed = hunk.removed.filter((p) => !moves.has(p))
    const added = hunk.added.filter((p) => !moves.has(p))
    const pairs = pairEdits(removed, added)
    for (const old of removed) if (!pairs.has(old)) emit(...wholeSection(old.unit, 'removed'))
    for (const placed of hunk.added) {
      const movedFrom = moves.get(placed)
      const edited = [...pairs].find(([, now]) => now === placed)?.[0]
      if (movedFrom) emit(movedSection(movedFrom, placed), 0, 0)
      else if (edited) emit(...editedSection(edited.unit, placed.unit))
      else emit(...wholeSection(placed.unit, 'added'))
    }
  }
  return result
}

function changedHunks(before: BodyUnit[], after: BodyUnit[]): Hunk[] {
  const hunks: Hunk[] = []
  let current: Hunk | null = null
  let beforeIndex = 0
  let afterIndex = 0
  for (const change of diffArrays(before, after, { comparator: (a, b) => a.fingerprint === b.fingerprint })) {
    if (!change.added && !change.removed) {
      current = null
      beforeIndex += change.count
      afterIndex += change.count
      continue
    }
    if (!current) hunks.push((current = { removed: [], added: [] }))
    for (const unit of change.value) {
      if (change.added) current.added.push({ unit, index: afterIndex++ })
      else current.removed.push({ unit, index: beforeIndex++ })
    }
  }
  return hunks
}

/** Units removed in one place and added unchanged in another: new position → old. */
function findMoves(hunks: Hunk[]): Map<Placed, Placed> {
  const moves = new Map<Placed, Placed>()
  const taken = new Set<Placed>()
  const removed = hunks.flatMap((h) => h.removed)
  for (const placed of hunks.flatMap((h) => h.added)) {
    const old = removed.find((r) => !taken.has(r) && r.unit.fingerprint === placed.unit.fingerprint)
    if (!old) continue
    taken.add(old)
    moves.set(placed, old).set(old, placed)
  }
  return moves
}

/** Old → new units read as the same unit edited. */
function pairEdits(removed: Placed[], added: Placed[]): Map<Placed, Placed> {
  const pairs = new Map<Placed, Placed>()
  const used = new Set<Placed>()
  for (const old of removed) {
    const now = added.find((a) => !used.has(a) && a.unit.kind === old.unit.kind && sameUnitEdited(old.unit, a.unit))
    if (!now) continue
    used.add(now)
    pairs.set(old, now)
  }
  return pairs
}

function sameUnitEdited(old: BodyUnit, now: BodyUnit): boolean {
  // A slot showing another promo, or the FAQ heading renamed, is still that slot or FAQ.
  if (old.kind === 'promo' || old.kind === 'faq') return true
  if (old.lines.some((line, i) => line.text !== '' && line.text === now.lines[i]?.text)) return true
  const oldText = old.lines.map((l) => l.text).join('\n')
  const newText = now.lines.map((l) => l.text).join('\n')
  return similarity(wordDiff(oldText, newText)) >= SAME_BLOCK_SIMILARITY
}

type Emitted = [DiffSection, number, number]

function wholeSection(unit: BodyUnit, change: 'added' | 'removed'): Emitted {
  const kind = change === 'added' ? 'added' : 'removed'
  const lines: DiffLine[] = unit.lines.map((line) => ({ ...(line.label ? { label: line.label } : {}), runs: wholeRun(kind, line.text) }))
  const words = unit.lines.reduce((sum, line) => sum + wordDiff('', line.text).added, 0)
  const what = unit.kind === 'promo' || unit.kind === 'image' || unit.kind === 'rule' ? '' : ` (${words} ${words === 1 ? 'word' : 'words'})`
  const section: DiffSection = { kind: unit.kind, change, label: unit.label, summary: `${unit.label} ${change}${what}.`, lines }
  return change === 'added' ? [section, words, 0] : [section, 0, words]
}

function editedSection(old: BodyUnit, now: BodyUnit): Emitted {
  let added = 0
  let removed = 0
  const edited: string[] = []
  const lines = now.lines.map((line, i) => {
    const diff = wordDiff(old.lines[i]?.text ?? '', line.text)
    added += diff.added
    removed += diff.removed
    if (diff.added || diff.removed) edited.push(line.label ?? '')
    return { ...(line.label ? { label: line.label } : {}), runs: diff.runs }
  })
  const section: DiffSection = { kind: now.kind, change: 'changed', label: now.label, summary: editSummary(old, now, edited, added, removed), lines }
  return [section, added, removed]
}

function editSummary(old: BodyUnit, now: BodyUnit, editedLines: string[], added: number, removed: number): string {
  if (now.kind === 'promo') return `Now shows “${now.lines[0]?.text}” instead of “${old.lines[0]?.text}”.`
  if (now.kind === 'faq') return 'FAQ heading changed.'
  if (now.kind === 'image') return editedLines.includes('File') ? 'Image replaced.' : 'Alt text changed.'
  if (now.kind === 'faq-item' && editedLines.length > 0) {
    const parts = editedLines.map((l) => l.toLowerCase()).join(' and ')
    return `${parts.charAt(0).toUpperCase()}${parts.slice(1)} edited: ${countPhrase(added, removed).toLowerCase()}`
  }
  return countPhrase(added, removed)
}

function movedSection(from: Placed, to: Placed): DiffSection {
  const unit = to.unit
  const summary =
    unit.kind === 'faq-item' && from.unit.ordinal !== undefined
      ? `Moved from question ${from.unit.ordinal} to question ${unit.ordinal}.`
      : `Moved ${to.index < from.index ? 'up' : 'down'}.`
  return {
    kind: unit.kind,
    change: 'moved',
    label: unit.label,
    summary,
    lines: unit.lines.map((line) => ({ ...(line.label ? { label: line.label } : {}), runs: wholeRun('same', line.text) }))
  }
}
