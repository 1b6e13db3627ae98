import type { Element } from 'hast'

/**
 * JSON for a `<script type="application/ld+json">`: the HTML parser ends the
 * script at `</script` and treats `<!--` specially, and it never decodes
 * escapes inside, so every `<`, `>` and `&` becomes a JSON \u escape (the
 * same string to a JSON reader). U+2028/2029 are escaped for old JavaScript
 * parsers that treat them as line ends.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function jsonLdScript(value: Record<string, unknown>): Element {
  return {
    type: 'element',
    tagName: 'script',
    properties: { type: 'application/ld+json' },
    children: [{ type: 'text', value: scriptSafeJson(value) }]
  }
}
