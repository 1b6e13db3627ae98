import type { Attribute } from '@tiptap/core'

// Tiptap types parseHTML's element as a DOM HTMLElement, which src/shared
// (compiled without the DOM lib) cannot name; only getAttribute is used.
type AttributeReader = { getAttribute(name: string): string | null }

/** A mark attribute kept as `data-<name>` in the editor's HTML (never exported: exports strip review marks). */
export const htmlDataAttribute = (key: string, dataName: string, validate: Attribute['validate']): Attribute => ({
  default: null,
  validate,
  parseHTML: (element) => (element as unknown as AttributeReader).getAttribute(`data-${dataName}`),
  renderHTML: (attrs) => ({ [`data-${dataName}`]: attrs[key] })
})
