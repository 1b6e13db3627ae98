import fc from 'fast-check'
import type { z } from 'zod'

/**
 * fast-check arbitraries derived from a zod 4 schema, for fuzzing the IPC
 * contract: mostly values the schema could accept, mixed with `hostile`
 * strings (paths, ids of real articles, control characters) wherever a
 * string goes, and with `undefined` where a key is optional. A kind of
 * schema it does not know becomes fc.anything(), so a new channel is fuzzed
 * from the day it is added to the contract.
 */
export interface DeriveOptions {
  /** Strings that name real things (ids of articles, revisions, promos), offered often wherever a string goes. */
  known: readonly string[]
  /** Strings offered now and then wherever a string goes: paths of every kind, tricky text. */
  hostile: readonly string[]
  /** How many lazy (recursive) levels to unfold before arrays stay empty. */
  maxLazyDepth?: number
}

type Def = { type: string } & Record<string, unknown>
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

interface Bounds {
  min?: number
  max?: number
  pattern?: RegExp
  format?: string
}

function stringBounds(def: Def): Bounds {
  const bounds: Bounds = {}
  if (typeof def['format'] === 'string') bounds.format = def['format']
  if (def['pattern'] instanceof RegExp) bounds.pattern = def['pattern']
  for (const check of (def['checks'] as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const c = check._zod.def
    if (c['check'] === 'min_length') bounds.min = c['minimum'] as number
    if (c['check'] === 'max_length') bounds.max = c['maximum'] as number
    if (c['check'] === 'length_equals') bounds.min = bounds.max = c['length'] as number
    if (c['check'] === 'string_format' && c['pattern'] instanceof RegExp) bounds.pattern = c['pattern']
    if (c['check'] === 'string_format' && typeof c['format'] === 'string' && c['format'] !== 'regex') bounds.format = c['format']
  }
  return bounds
}

const isoDate = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })

function stringArbitrary(def: Def, options: DeriveOptions): fc.Arbitrary<string> {
  const bounds = stringBounds(def)
  let fitting: fc.Arbitrary<string>
  if (bounds.format === 'datetime') fitting = isoDate.map((d) => d.toISOString())
  else if (bounds.format === 'date') fitting = isoDate.map((d) => d.toISOString().slice(0, 10))
  else if (bounds.pattern) fitting = fc.stringMatching(bounds.pattern)
  else fitting = fc.string({ minLength: bounds.min ?? 0, maxLength: Math.min(bounds.max ?? 40, 40), unit: 'grapheme' })
  const pick = (pool: readonly string[]) => (pool.length ? fc.constantFrom(...pool) : fitting)
  return fc.oneof(
    { weight: 4, arbitrary: fitting },
    { weight: 3, arbitrary: pick(options.known) },
    { weight: 2, arbitrary: pick(options.hostile) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }
  )
}

export function arbitraryFor(schema: z.ZodType, options: DeriveOptions, lazyDepth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  const inner = (s: unknown, depth = lazyDepth) => arbitraryFor(s as z.ZodType, options, depth)
  switch (def.type) {
    case 'undefined':
      return fc.constant(undefined)
    case 'null':
      return fc.constant(null)
    case 'string':
      return stringArbitrary(def, options)
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 30_000 }), fc.double())
    case 'boolean':
      return fc.boolean()
    case 'literal':
      return fc.constantFrom(...(def['values'] as unknown[]))
    case 'enum':
      return fc.constantFrom(...Object.values(def['entries'] as Record<string, unknown>))
    case 'optional':
      return fc.option(inner(def['innerType']), { nil: undefined, freq: 3 })
    case 'nullable':
      return fc.option(inner(def['innerType']), { nil: null, freq: 4 })
    case 'default':
    case 'readonly':
    case 'catch':
      return inner(def['innerType'])
    case 'pipe':
      // A pipe checks its input first (bounds) and then the shape of its output: generate the shape.
      return defOf(def['in'] as z.ZodType).type === 'unknown' ? inner(def['out']) : inner(def['in'])
    case 'lazy':
      return lazyDepth >= (options.maxLazyDepth ?? 3) ? fc.constant(undefined) : inner((def['getter'] as () => unknown)(), lazyDepth + 1)
    case 'union':
      return fc.oneof(...(def['options'] as unknown[]).map((option) => inner(option)))
    case 'array': {
      const bounds = stringBounds(def)
      const element = inner(def['element'])
      const deepEnough = lazyDepth >= (options.maxLazyDepth ?? 3)
      return fc
        .array(element, { minLength: bounds.min ?? 0, maxLength: deepEnough ? (bounds.min ?? 0) : Math.max(bounds.min ?? 0, Math.min(bounds.max ?? 4, 4)) })
        .map((items) => items.filter((item) => item !== undefined))
    }
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>
      const keys = Object.keys(shape)
      const required = keys.filter((key) => !['optional'].includes(defOf(shape[key]!).type))
      const full = fc.record(Object.fromEntries(keys.map((key) => [key, inner(shape[key])])), { requiredKeys: required })
      // Real requests name one or two optional fields (a save sends what changed), so most records keep only a few.
      const optional = keys.filter((key) => !required.includes(key))
      const sparse = () =>
        fc.tuple(full, fc.subarray(optional, { maxLength: 2 })).map(([value, kept]) =>
          Object.fromEntries(Object.entries(value).filter(([key]) => required.includes(key) || kept.includes(key)))
        )
      const record = optional.length > 2 ? fc.oneof({ weight: 2, arbitrary: sparse() }, { weight: 1, arbitrary: full }) : full
      // Now and then a key the schema does not know, as a forged request would carry.
      return fc.oneof({ weight: 12, arbitrary: record }, { weight: 1, arbitrary: fc.tuple(record, fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 1 })).map(([r, k, v]) => ({ ...r, [k]: v })) })
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 })
    case 'custom':
      // z.instanceof(Uint8Array) and friends: bytes, or anything.
      return fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.anything({ maxDepth: 1 }))
    default:
      return fc.anything({ maxDepth: 2 })
  }
}
