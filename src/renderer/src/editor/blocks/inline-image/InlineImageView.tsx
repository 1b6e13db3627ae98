import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { useEditorServices } from '../../editor-services'

/** An image inside a line of text or a link, shown from the library's media folder; its alt text shows on hover. */
export function InlineImageView({ node }: ReactNodeViewProps): React.JSX.Element {
  const { mediaUrl } = useEditorServices()
  const alt = String(node.attrs['alt'] ?? '')
  return (
    <NodeViewWrapper as="span" className="inline-image">
      <img src={mediaUrl(String(node.attrs['src'] ?? ''))} alt={alt} title={alt} draggable={false} />
    </NodeViewWrapper>
  )
}
