import { getSchema, type Extensions } from '@tiptap/core'
import Image from '@tiptap/extension-image'
import { TableKit } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { customBlockNodes } from '../blocks/registry'
import { reviewMarks } from '../review/review-marks'

/**
 * The article body's schema, shared by the editor, the library (validation),
 * import and export. The title is a separate field, so body headings are H2–H4.
 */
export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    link: { openOnClick: false, autolink: true, protocols: ['mailto'], defaultProtocol: 'https' }
  }),
  Image.configure({ inline: false, allowBase64: false }),
  TableKit.configure({ table: { resizable: false } }),
  ...customBlockNodes,
  ...reviewMarks
]

export const articleSchema = getSchema(articleExtensions)
