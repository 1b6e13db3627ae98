/**
 * Runs tasks a few at a time: `add` waits while `limit` are running, so a
 * producer that awaits it never gets far ahead of the disk. The first failure
 * is kept and thrown by the next `add` or by `settle`, after every started
 * task has finished, so nothing is still writing when the caller cleans up.
 */
export class BoundedTasks {
  private readonly running = new Set<Promise<void>>()
  private failure: { error: unknown } | null = null

  constructor(private readonly limit: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running)
    if (this.failure) await this.settle()
    const run: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= { error }
      })
      .finally(() => this.running.delete(run))
    this.running.add(run)
  }

  /** Waits for every task; throws the first failure. */
  async settle(): Promise<void> {
    await Promise.all(this.running)
    if (this.failure) throw this.failure.error
  }
}
