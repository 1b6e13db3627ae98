import { UserError, type IpcErrorCode } from '../../shared/ipc/result'

/** An error as it crosses between threads, where errors lose their class: the code is what tells the user what went wrong. */
export interface ThreadFailure {
  message: string
  code?: Exclude<IpcErrorCode, 'internal'>
  details?: string[]
}

export const toThreadFailure = (error: unknown): ThreadFailure =>
  error instanceof UserError
    ? { message: error.message, code: error.code, ...(error.details ? { details: error.details } : {}) }
    : { message: error instanceof Error ? error.message : String(error) }

export const fromThreadFailure = (failed: ThreadFailure): Error =>
  failed.code ? new UserError(failed.code, failed.message, failed.details) : new Error(failed.message)
