import { parse, serializeOuter, type DefaultTreeAdapterTypes } from 'parse5'
import { KEPT_STYLE } from './kept-style'

type Element = DefaultTreeAdapterTypes.Element
type ParentNode = DefaultTreeAdapterTypes.ParentNode

/** Top-level blocks per piece: each piece is parsed, cleaned and inserted in its own task. */
export const BLOCKS_PER_PIECE = 120

const wordListParagraph = /mso-list:\s*l\d+\s+level\d+/i
const styleOf = (element: Element): string => element.attrs.find((attr) => attr.name === KEPT_STYLE)?.value ?? ''
const isElement = (node: DefaultTreeAdapterTypes.ChildNode): node is Element => 'tagName' in node

/**
 * Renames style attributes and drops what the CSP would refuse and the cleaner drops anyway: scripts,
 * style sheets, handlers. Walked with a stack of its own: a hostile paste can nest deeper than the call stack.
 */
function defuse(root: ParentNode): void {
  const parents: ParentNode[] = [root]
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    parent.childNodes = parent.childNodes.filter((node) => !isElement(node) || (node.tagName !== 'script' && node.tagName !== 'style'))
    for (const node of parent.childNodes) {
      if (!isElement(node)) continue
      node.attrs = node.attrs.filter((attr) => !/^on/i.test(attr.name)).map((attr) => (attr.name === 'style' ? { name: KEPT_STYLE, value: attr.value } : attr))
      parents.push(node.tagName === 'template' ? (node as DefaultTreeAdapterTypes.Template).content : node)
    }
  }
}

/** A lone wrapper (a web page's article container, Google Docs' guid span) is looked through, so its blocks can be pieced. */
function isLoneWrapper(element: Element): boolean {
  if (/^(div|article|main)$/.test(element.tagName)) return !element.attrs.some((attr) => attr.name === 'data-type')
  // Google Docs wraps a copied fragment in <b style="font-weight:normal" id="docs-internal-guid-…">.
  return element.tagName === 'b' && element.attrs.some((attr) => attr.name === 'id' && attr.value.startsWith('docs-internal-guid')) && /font-weight:\s*normal/i.test(styleOf(element))
}

/**
 * Runs off the window's thread: parses clipboard HTML with parse5 (the same
 * HTML parsing rules as the browser's), defuses it, and cuts its top-level
 * blocks into pieces of HTML. A run of Word list paragraphs stays in one
 * piece, since the cleaner rebuilds each list from its paragraphs.
 */
export function defusedPieces(html: string): string[] {
  const document = parse(html)
  const htmlElement = document.childNodes.find(isElement)
  const body = htmlElement?.childNodes.find((node): node is Element => isElement(node) && node.tagName === 'body')
  if (!body) return []
  defuse(body)
  let blocks = body.childNodes.filter(isElement)
  while (blocks.length === 1 && isLoneWrapper(blocks[0]!)) blocks = blocks[0]!.childNodes.filter(isElement)
  const pieces: string[] = []
  const piece: string[] = []
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1]
    const continuesList = previous && wordListParagraph.test(styleOf(previous)) && wordListParagraph.test(styleOf(block))
    if (piece.length >= BLOCKS_PER_PIECE && !continuesList) pieces.push(piece.splice(0).join(''))
    piece.push(serializeOuter(block))
  })
  if (piece.length > 0) pieces.push(piece.join(''))
  return pieces
}
