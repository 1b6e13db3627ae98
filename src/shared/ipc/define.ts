import type * as z from 'zod'

/**
 * A channel pairs a runtime schema for its request (checked in main before
 * any handler runs) with the static type of its result. The result type only
 * exists at compile time, hence the phantom field.
 */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res = unknown> {
  request: Req
  /** Phantom: never read at run time. */
  readonly result?: Res
}

/** `channel<Result>()(requestSchema)`: curried so the result type can be named while the schema is inferred. */
export const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({ request })

/** An event main pushes to the renderer (menu commands, progress). */
export interface EventDef<Payload = unknown> {
  readonly payload?: Payload
}
export const event = <Payload>(): EventDef<Payload> => ({})
