import { getSchema, type Extensions } from '@tiptap/core'
import Code from '@tiptap/extension-code'
import Image from '@tiptap/extension-image'
import { TableKit } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { customBlockNodes } from '../blocks/registry'
import { reviewMarks } from '../review/review-marks'
import { InlineImage } from './inline-image'
import { ListSpacing } from './list-spacing'
import { NestedBold, NestedItalic } from './nested-marks'

/**
 * The article body's schema, shared by the editor, the library (validation),
 * import and export. The title is a separate field, so body headings are H2–H6.
 */
export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4, 5, 6] },
    link: { openOnClick: false, autolink: true, protocols: ['mailto'], defaultProtocol: 'https' },
    code: false
  }),
  // Code may be linked (``[`fetch()`](…/api)``, common in technical writing) and emphasised, as Markdown allows.
  Code.extend({ excludes: '' }),
  NestedBold,
  NestedItalic,
  Image.configure({ inline: false, allowBase64: false }),
  InlineImage,
  ListSpacing,
  TableKit.configure({ table: { resizable: false } }),
  ...customBlockNodes,
  ...reviewMarks
]

export const articleSchema = getSchema(articleExtensions)
