/**
 * How deep and how large a request may be before anything parses it. Far
 * above what the renderer sends (an article is bounded at 100 levels, see
 * body-bounds.ts), and low enough that no recursive code in main (zod,
 * ProseMirror, JSON) can run out of stack on it.
 */
export const PAYLOAD_MAX_DEPTH = 512
export const PAYLOAD_MAX_CONTAINERS = 4_000_000

export type PlainPayload = { ok: true; value: unknown } | { ok: false; message: string }

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * The payload with every key whose value is `undefined` left out, as the
 * contract means it: structured clone keeps such keys, and a spread of
 * `{ comments: undefined }` would erase what it names. Walked with a stack,
 * not recursion, so a payload nested thousands deep (or a cycle, which
 * structured clone can carry) is refused in plain words instead of
 * overflowing the stack. Only a payload that holds such a key is copied;
 * objects that are not plain (a Uint8Array) are kept as they are.
 */
export function plainPayload(payload: unknown): PlainPayload {
  const values: unknown[] = [payload]
  const depths: number[] = [0]
  let containers = 0
  let undefinedKeys = false
  while (values.length > 0) {
    const value = values.pop()
    const depth = depths.pop()!
    const isArray = Array.isArray(value)
    if (!isArray && !isPlainObject(value)) continue
    if (depth >= PAYLOAD_MAX_DEPTH) {
      return { ok: false, message: `The request is nested more than ${PAYLOAD_MAX_DEPTH} levels deep, far more than any article or setting needs, so nothing was changed.` }
    }
    if (++containers > PAYLOAD_MAX_CONTAINERS) {
      return { ok: false, message: 'The request is far larger than any article or setting Copydesk keeps, so nothing was changed.' }
    }
    if (isArray) {
      for (const item of value as unknown[]) {
        if (typeof item !== 'object' || item === null) continue
        values.push(item)
        depths.push(depth + 1)
      }
    } else {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue
        const item = value[key]
        if (item === undefined) undefinedKeys = true
        if (typeof item !== 'object' || item === null) continue
        values.push(item)
        depths.push(depth + 1)
      }
    }
  }
  return { ok: true, value: undefinedKeys ? withoutUndefinedKeys(payload) : payload }
}

/** A copy without the keys whose value is `undefined`; only called on a payload plainPayload bounded. */
function withoutUndefinedKeys(payload: unknown): unknown {
  const root: Record<string, unknown> = { value: payload }
  const stack: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number }[] = [{ from: payload, into: root, key: 'value' }]
  while (stack.length > 0) {
    const { from, into, key } = stack.pop()!
    let copy: Record<string, unknown> | unknown[]
    if (Array.isArray(from)) copy = [...(from as unknown[])]
    else if (isPlainObject(from)) {
      copy = {}
      for (const [name, value] of Object.entries(from)) if (value !== undefined) place(copy, name, value)
    } else continue
    place(into, key, copy)
    for (const [name, value] of Object.entries(copy)) {
      if (typeof value === 'object' && value !== null) stack.push({ from: value, into: copy, key: Array.isArray(copy) ? Number(name) : name })
    }
  }
  return root['value']
}

function place(into: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  // An own key "__proto__" must stay a key: assigning it would replace the copy's prototype.
  if (key === '__proto__') Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true })
  else (into as Record<string | number, unknown>)[key] = value
}
