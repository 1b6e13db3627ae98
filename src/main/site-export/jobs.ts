import { UserError } from '../../shared/ipc/result'

/**
 * Running bulk exports by the id their caller chose, so a second request
 * (the Cancel button) can stop one that is still running.
 */
export class ExportJobs {
  private readonly running = new Map<string, AbortController>()

  async run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) throw new UserError('conflict', 'That export is already running.')
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
