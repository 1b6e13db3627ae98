import { KEPT_STYLE, styled, styleText } from './kept-style'

/**
 * Word for desktop puts lists on the clipboard as paragraphs styled
 * `mso-list:l0 level2 lfo1`, each starting with its bullet or number typed out
 * between `<![if !supportLists]>` markers. This rebuilds real, nested lists.
 */
const listStyle = /mso-list:\s*l(\d+)\s+level(\d+)/i
const orderedMarker = /^(?:\d{1,3}|[a-z]{1,3}|[ivxlc]{1,6})[.)]$/i

interface ListParagraph {
  element: HTMLElement
  level: number
  ordered: boolean
}

function isListParagraph(node: Node | null): node is HTMLElement {
  return node instanceof HTMLElement && node.tagName === 'P' && listStyle.test(styleText(node))
}

/** Removes the typed-out bullet or number and returns its text. */
function takeMarker(paragraph: HTMLElement): string {
  let marker = ''
  for (const span of paragraph.querySelectorAll<HTMLElement>(styled('span'))) {
    if (/mso-list:\s*ignore/i.test(styleText(span))) {
      marker += span.textContent ?? ''
      span.remove()
    }
  }
  // Downlevel-revealed conditional comments parse as comments around the marker.
  let inMarker = false
  for (const node of [...paragraph.childNodes]) {
    if (node.nodeType === Node.COMMENT_NODE) {
      const data = (node as Comment).data
      if (/\[if !supportLists\]/i.test(data)) inMarker = true
      else if (/\[endif\]/i.test(data)) inMarker = false
      node.remove()
    } else if (inMarker) {
      marker += node.textContent ?? ''
      node.remove()
    }
  }
  return marker.replace(/[\s\u00a0]+/g, '')
}

function nextListParagraph(element: HTMLElement): HTMLElement | null {
  let node = element.nextSibling
  while (node && (node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && !node.textContent?.trim()))) {
    node = node.nextSibling
  }
  return isListParagraph(node) ? node : null
}

function buildLists(doc: Document, items: ListParagraph[]): DocumentFragment {
  const lists = doc.createDocumentFragment()
  const stack: { list: HTMLElement; level: number }[] = []
  for (const item of items) {
    while (stack.length > 0 && stack[stack.length - 1]!.level > item.level) stack.pop()
    let top = stack[stack.length - 1]
    if (!top || top.level < item.level) {
      const list = doc.createElement(item.ordered ? 'ol' : 'ul')
      const parentItem = top ? ((top.list.lastElementChild as HTMLElement | null) ?? top.list.appendChild(doc.createElement('li'))) : lists
      parentItem.appendChild(list)
      top = { list, level: item.level }
      stack.push(top)
    }
    const li = doc.createElement('li')
    const paragraph = doc.createElement('p')
    paragraph.append(...item.element.childNodes)
    li.appendChild(paragraph)
    top.list.appendChild(li)
  }
  return lists
}

export function convertWordLists(root: HTMLElement): void {
  const doc = root.ownerDocument
  for (const first of [...root.querySelectorAll<HTMLElement>(`p[style*="mso-list"], p[${KEPT_STYLE}*="mso-list"]`)]) {
    // Paragraphs already gathered into an earlier list are detached by then.
    if (!first.isConnected || !isListParagraph(first)) continue
    const run: ListParagraph[] = []
    for (let element: HTMLElement | null = first; element; element = nextListParagraph(element)) {
      const level = Number(listStyle.exec(styleText(element))?.[2] ?? 1)
      run.push({ element, level, ordered: orderedMarker.test(takeMarker(element)) })
    }
    first.before(buildLists(doc, run))
    for (const item of run) item.element.remove()
  }
}
