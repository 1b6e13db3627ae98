import type { ChannelName, RequestOf, ResultOf } from '../../../shared/ipc/contract'
import type { IpcError } from '../../../shared/ipc/result'

/** An IPC failure as a throwable, keeping main's code and plain-words message. */
export class ApiError extends Error {
  readonly code: IpcError['code']
  readonly details: string[]
  constructor(error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.details = error.details ?? []
  }
}

type Args<K extends ChannelName> = RequestOf<K> extends undefined ? [] : [request: RequestOf<K>]

/** Calls a contract channel and unwraps its envelope, throwing ApiError on failure. */
export async function call<K extends ChannelName>(name: K, ...args: Args<K>): Promise<ResultOf<K>> {
  const method = window.copydesk[name] as (...a: unknown[]) => Promise<
    { ok: true; value: ResultOf<K> } | { ok: false; error: IpcError }
  >
  const result = await method(...args)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong.'
