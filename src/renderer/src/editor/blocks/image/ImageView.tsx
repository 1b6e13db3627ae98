import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useEditorServices } from '../../editor-services'

/** An image from the library's media folder, with its alt text edited in place. */
export function ImageView({ node, updateAttributes }: ReactNodeViewProps): React.JSX.Element {
  const { mediaUrl } = useEditorServices()
  const src = String(node.attrs['src'] ?? '')
  const alt = String(node.attrs['alt'] ?? '')
  return (
    <NodeViewWrapper as="figure" className="image-block">
      <img src={mediaUrl(src)} alt={alt} draggable={false} data-drag-handle />
      <label className="image-alt">
        <span>Alt text</span>
        <input
          value={alt}
          placeholder="Describe the image for readers who cannot see it"
          spellCheck
          onChange={(event) => updateAttributes({ alt: event.target.value })}
        />
      </label>
    </NodeViewWrapper>
  )
}
