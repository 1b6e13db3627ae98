import type { ConflictField } from '../../shared/article/article'

/**
 * What both sides changed differently, collected while merging, in plain
 * words for the conflict's summary ("the title", "a paragraph"…), and which
 * metadata fields, for the side-by-side view to offer.
 */
export class ConflictLog {
  private readonly counts = new Map<string, number>()
  private readonly clashed = new Set<ConflictField>()

  add(what: string, field?: ConflictField): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1)
    if (field) this.clashed.add(field)
  }

  /** The metadata fields that clashed, in the order met. */
  get fields(): ConflictField[] {
    return [...this.clashed]
  }

  get any(): boolean {
    return this.counts.size > 0
  }

  /** E.g. "Both sides changed the title, the tags and 2 paragraphs." */
  summary(): string {
    const parts = [...this.counts].map(([what, n]) => (n === 1 ? what : `${n} ${plural(what)}`))
    return `Both sides changed ${list(parts)}.`
  }
}

const plural = (what: string): string => {
  const noun = what.replace(/^(a|an|the) /, '')
  return noun.endsWith('s') ? noun : `${noun}s`
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
