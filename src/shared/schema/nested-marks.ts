import { Mark, type MarkConfig } from '@tiptap/core'

/** How many times a character may be bold, or italic, over: `******a******` is bold three times in Markdown. */
export const MAX_NESTED_DEPTH = 3

/** The element each nested mark repeats, by mark name. */
export const nestedMarkOf = { nestedBold: 'bold', nestedItalic: 'italic' } as const
export type NestedMarkName = keyof typeof nestedMarkOf

const nestedTag = { nestedBold: 'strong', nestedItalic: 'em' } as const

/**
 * Bold inside bold (`**a **b** c**`), or italic inside italic, as Markdown
 * and HTML allow and renderers show (`<strong><strong>`): `bold` or `italic`
 * is the outer mark and this one says how deep the text is in all (2 or 3).
 * Only imports make it, so writers' sources come back as written; the editor
 * shows it as the extra element and never offers it. A separate mark rather
 * than an attribute on `bold` keeps every plain bold's JSON as it was.
 */
function nestedMark(name: NestedMarkName): Mark {
  const tag = nestedTag[name]
  const config: MarkConfig = {
    name,
    addAttributes: () => ({ depth: { default: 2, parseHTML: () => 2, renderHTML: () => ({}) } }),
    renderHTML: ({ mark }) => {
      const depth = Math.min(Math.max(Number(mark.attrs['depth']) || 2, 2), MAX_NESTED_DEPTH)
      // A DOMOutputSpec nests through its hole (0): one element per extra level.
      let spec: [string, unknown] = [tag, 0]
      for (let level = 3; level <= depth; level++) spec = [tag, spec]
      return spec as never
    }
  }
  return Mark.create(config)
}

export const NestedBold = nestedMark('nestedBold')
export const NestedItalic = nestedMark('nestedItalic')
