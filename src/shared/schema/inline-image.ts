import Image from '@tiptap/extension-image'

/**
 * An image inside a line of text or inside a link (a badge, a linked
 * thumbnail). A picture standing on its own line is the block `image`, which
 * the editor shows as a figure with its alt text.
 */
export const InlineImage = Image.extend({
  name: 'inlineImage',
  parseHTML: () => [{ tag: 'img[src][data-inline]:not([src^="data:"])', priority: 60 }]
}).configure({ inline: true, allowBase64: false, HTMLAttributes: { 'data-inline': '' } })
