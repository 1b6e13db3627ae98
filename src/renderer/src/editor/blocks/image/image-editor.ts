import type { Node } from '@tiptap/core'
import { ReactNodeViewRenderer } from '@tiptap/react'
import { ImageView } from './ImageView'

/** The shared (configured) image node with its editor view: the picture and its alt text. */
export const withImageView = (image: Node): Node => image.extend({ addNodeView: () => ReactNodeViewRenderer(ImageView) })
