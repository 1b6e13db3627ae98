import type * as z from 'zod'

/**
 * Marks a schema check whose message is written for the writer (an article
 * past its bounds), so the IPC layer shows it as the answer instead of a
 * generic "malformed request": `ctx.addIssue({ code: 'custom', message, params: plainIssue })`.
 */
export const plainIssue = { plain: true } as const

/** The first plain-words message among a failed parse's issues. */
export function plainIssueMessage(issues: readonly z.core.$ZodIssue[]): string | undefined {
  return issues.find((issue) => issue.code === 'custom' && issue.params?.['plain'] === true)?.message
}
