import type { Node } from '@tiptap/core'
import { ReactNodeViewRenderer } from '@tiptap/react'
import { InlineImageView } from './InlineImageView'

/** The shared inline image node with its editor view. */
export const withInlineImageView = (image: Node): Node => image.extend({ addNodeView: () => ReactNodeViewRenderer(InlineImageView, { as: 'span' }) })
