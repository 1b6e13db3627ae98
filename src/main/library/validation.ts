import type * as z from 'zod'
import { UserError } from '../../shared/ipc/result'

/** Zod's issues as the plain-words error the IPC layer and the CLI show. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const details = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
  throw new UserError('invalid-input', `${what} is not valid, so nothing was saved: ${details.slice(0, 3).join('; ')}.`, details)
}
