import {
  contract,
  type ChannelName,
  type EventName,
  type EventPayload,
  type ParsedRequestOf,
  type ResultOf
} from '../../shared/ipc/contract'
import { fail, ok, UserError, type IpcResult } from '../../shared/ipc/result'

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
 * renderer is tested against exactly what main enforces.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  payload: unknown,
  ctx: HandlerContext
): Promise<IpcResult<unknown>> {
  if (!isChannel(name)) return fail('unknown-channel', `There is no command called “${name}”.`)
  const parsed = contract[name].request.safeParse(payload)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
    )
    return fail('invalid-payload', `The request to “${name}” was malformed, so nothing was changed.`, details)
  }
  try {
    const handler = handlers[name] as (request: unknown, ctx: HandlerContext) => unknown
    return ok(await handler(parsed.data, ctx))
  } catch (error) {
    if (error instanceof UserError) return fail(error.code, error.message, error.details)
    console.error(`[copydesk] ${name} failed`, error)
    const reason = error instanceof Error ? error.message : String(error)
    return fail('internal', `Something went wrong while running “${name}”: ${reason}`)
  }
}
