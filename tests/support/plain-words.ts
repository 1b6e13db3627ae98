/**
 * Why `message` is not a sentence a writer can read, or null. Names and
 * paths a message quotes (“…”) are the user's own words and are not judged;
 * the rest must read as prose: no error codes, stack lines, JSON, or
 * JavaScript's words for missing values.
 */
export function plainWordsProblem(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim() === '') return 'no message'
  if (message.length > 1000) return 'longer than a sentence or two'
  if (/(?![\n\t])\p{Cc}/u.test(message)) return `holds control characters: ${JSON.stringify(message)}`
  if (!/^[“A-Z0-9]/.test(message)) return 'does not start like a sentence'
  if (!/[.!?]”?$/.test(message.trim())) return 'does not end like a sentence'
  const prose = message.replace(/“[^”]*”/g, '“…”')
  const raw: [RegExp, string][] = [
    [/\bE[A-Z]{2,}\b/, 'an errno code'],
    [/\bERR_[A-Z_]+/, 'a Node error code'],
    [/\n\s*at |\bat .+:\d+:\d+/, 'a stack trace'],
    [/[{}[\]]/, 'JSON or code'],
    [/\b(undefined|null|NaN)\b/, 'a JavaScript value'],
    [/\b\w*Error\b|Maximum call stack|Cannot read prop|is not a function|is not iterable|Expected a string|Unexpected token/, 'a raw exception'],
    [/\binvalid_type\b|\bexpected\b.*\breceived\b/i, 'a zod message']
  ]
  for (const [pattern, what] of raw) if (pattern.test(prose)) return `contains ${what}: ${JSON.stringify(message)}`
  return null
}
