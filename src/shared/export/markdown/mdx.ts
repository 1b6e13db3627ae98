/**
 * A value as an MDX attribute expression, `{"…"}`. MDX finds the end of an
 * expression by its braces and reads `<` as JSX, so those become JSON \u
 * escapes: the same string to JavaScript, nothing for MDX to trip on.
 */
export function mdxExpression(value: unknown): string {
  return `{${JSON.stringify(value).replace(/[{}<>\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}}`
}
