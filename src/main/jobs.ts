import { UserError } from '../shared/ipc/result'

/**
 * Long work (a bulk export, an import) running by the id its caller chose,
 * so a second request (the Cancel button) can stop it while it runs.
 */
export class Jobs {
  private readonly running = new Map<string, AbortController>()

  /** `what`: the kind of work, for the message when an id is reused ("export", "import"). */
  constructor(private readonly what: string) {}

  async run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) throw new UserError('conflict', `That ${this.what} is already running.`)
    const controller = new AbortController()
    this.running.set(jobId, controller)
    try {
      return await work(controller.signal)
    } finally {
      this.running.delete(jobId)
    }
  }

  /** Stops the job if it is still running; a job that already finished is simply left as it ended. */
  cancel(jobId: string): void {
    this.running.get(jobId)?.abort()
  }
}
