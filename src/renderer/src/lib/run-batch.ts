/**
 * Runs waiting for one moment (an idle callback, a key's frame), each once however often it was asked for, run
 * together when the moment comes: one that throws must not keep the others from running; its error is reported as an
 * uncaught one would be.
 */
export class RunBatch {
  private readonly waiting = new Set<() => void>()

  get size(): number {
    return this.waiting.size
  }

  add(run: () => void): void {
    this.waiting.add(run)
  }

  delete(run: () => void): void {
    this.waiting.delete(run)
  }

  /** Runs everything waiting, and forgets it; what is asked for meanwhile waits for the next moment. */
  runAll(): void {
    const runs = [...this.waiting]
    this.waiting.clear()
    for (const run of runs) {
      try {
        run()
      } catch (error) {
        reportError(error)
      }
    }
  }
}
