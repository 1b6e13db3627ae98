import {
  contract,
  type ChannelName,
  type EventName,
  type EventPayload,
  type ParsedRequestOf,
  type ResultOf
} from '../../shared/ipc/contract'
import { plainIssueMessage } from '../../shared/ipc/plain-issue'
import { fail, ok, type IpcResult } from '../../shared/ipc/result'
import { plainFailure } from './plain-error'
import { plainPayload } from './plain-payload'

export interface HandlerContext {
  /** Push an event (progress, changes) to the renderer that made the call. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
}

/** One function per contract key; leaving one out is a type error. */
export type Handlers = {
  [K in ChannelName]: (request: ParsedRequestOf<K>, ctx: HandlerContext) => Promise<ResultOf<K>> | ResultOf<K>
}

const isChannel = (name: string): name is ChannelName => Object.hasOwn(contract, name)

/**
 * Validates a payload against its channel's schema and runs the handler.
 * Electron's ipcMain and the end-to-end harness both go through here, so the
 * renderer is tested against exactly what main enforces. It never rejects:
 * every failure, from parsing to the handler, is an envelope in plain words.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  payload: unknown,
  ctx: HandlerContext
): Promise<IpcResult<unknown>> {
  const result = await answer(handlers, name, payload, ctx)
  if (result.ok) return result
  // A message quoting what the request held (a path with a NUL in it) must still print as a sentence.
  return { ok: false, error: { ...result.error, message: result.error.message.replace(/(?![\n\t])\p{Cc}/gu, '�') } }
}

async function answer(handlers: Handlers, name: string, payload: unknown, ctx: HandlerContext): Promise<IpcResult<unknown>> {
  try {
    if (!isChannel(name)) return fail('unknown-channel', `There is no command called “${name}”.`)
    const plain = plainPayload(payload)
    if (!plain.ok) return fail('invalid-input', plain.message)
    const parsed = contract[name].request.safeParse(plain.value)
    if (!parsed.success) {
      const message = plainIssueMessage(parsed.error.issues)
      const details = parsed.error.issues.map((issue) =>
        issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
      )
      if (message) return fail('invalid-input', `${message} Nothing was changed.`, details)
      return fail('invalid-payload', `The request to “${name}” was malformed, so nothing was changed.`, details)
    }
    const handler = handlers[name] as (request: unknown, ctx: HandlerContext) => unknown
    return ok(await handler(parsed.data, ctx))
  } catch (error) {
    const failure = plainFailure(error)
    if (!failure.ok && failure.error.code === 'internal') console.error(`[copydesk] ${name} failed`, error)
    return failure
  }
}
