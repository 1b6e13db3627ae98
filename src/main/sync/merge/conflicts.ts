/**
 * What both sides changed differently, collected while merging, in plain
 * words for the conflict's summary: "the title", "a paragraph"…
 */
export class ConflictLog {
  private readonly counts = new Map<string, number>()

  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1)
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
