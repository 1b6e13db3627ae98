import { UserError } from '../ipc/result'

const MAX_WARNINGS = 40

type RemovedKind = 'script' | 'frame' | 'handler'

const removedWords: Record<RemovedKind, [string, string]> = {
  script: ['script', 'scripts'],
  frame: ['embedded frame', 'embedded frames'],
  handler: ['event handler (onclick, onerror…)', 'event handlers (onclick, onerror…)']
}

/**
 * One file's import: its name for messages and the warnings gathered on the
 * way. The same warning repeated (a hundred unsafe links) is said once with a
 * count, so the report stays readable.
 */
export class ImportContext {
  private readonly counts = new Map<string, number>()
  private readonly removed: Record<RemovedKind, number> = { script: 0, frame: 0, handler: 0 }

  constructor(readonly file: string) {}

  warn(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1)
  }

  /** Counts what sanitizing took out of HTML, said once for the whole file. */
  noteRemoved(kind: RemovedKind, count = 1): void {
    this.removed[kind] += count
  }

  /** Refuses the file: nothing is imported. */
  fail(reason: string): never {
    throw new UserError('invalid-input', `${this.file}: ${reason}`)
  }

  warnings(): string[] {
    const removed = (Object.keys(this.removed) as RemovedKind[])
      .filter((kind) => this.removed[kind] > 0)
      .map((kind) => `${this.removed[kind]} ${removedWords[kind][this.removed[kind] === 1 ? 0 : 1]}`)
    const lines = [
      ...(removed.length ? [`Removed ${removed.join(', ')} from the imported HTML.`] : []),
      ...[...this.counts].map(([message, count]) => (count > 1 ? `${message} (${count} times)` : message))
    ]
    if (lines.length <= MAX_WARNINGS) return lines
    return [...lines.slice(0, MAX_WARNINGS), `…and ${lines.length - MAX_WARNINGS} other warnings.`]
  }
}
