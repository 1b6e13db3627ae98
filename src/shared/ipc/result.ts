/**
 * Every IPC call resolves to this envelope instead of rejecting: Electron
 * flattens thrown errors into a bare message string, and the renderer needs
 * a stable code to decide what to show.
 */
export type IpcErrorCode =
  | 'invalid-payload'
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'not-found'
  | 'conflict'
  | 'invalid-input'
  | 'io-error'
  | 'internal'

export interface IpcError {
  code: IpcErrorCode
  /** One sentence a writer can read. */
  message: string
  /** Field-level detail for invalid payloads, e.g. "title: Too long". */
  details?: string[]
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value })
export const fail = (code: IpcErrorCode, message: string, details?: string[]): IpcResult<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message }
})

/**
 * Thrown by feature code (library, export…) for problems the user caused or
 * can fix; the IPC layer turns it into an IpcError with the same code.
 */
export class UserError extends Error {
  constructor(
    readonly code: Exclude<IpcErrorCode, 'internal'>,
    message: string,
    readonly details?: string[]
  ) {
    super(message)
    this.name = 'UserError'
  }
}
