import type { AlignType, PhrasingContent, Table, TableCell, TableRow } from 'mdast'
import { bodyText, type BodyNode } from '../../article/body'

const alignments = new Set(['left', 'center', 'right'])

/**
 * GFM tables hold one line of inline text per cell and no merged cells, so
 * richer cells are flattened. `simplified` reports it so the editor can
 * warn; the HTML export goes through the same table and stays identical.
 */
export function tableToMdast(table: BodyNode, inline: (nodes: readonly BodyNode[]) => PhrasingContent[]): { table: Table; simplified: boolean } {
  let simplified = false
  const cell = (node: BodyNode): TableCell[] => {
    const blocks = node.content ?? []
    const children: PhrasingContent[] = []
    if (blocks.every((block) => block.type === 'paragraph')) {
      blocks.forEach((block, index) => {
        if (index > 0) children.push({ type: 'break' })
        children.push(...inline(block.content ?? []))
      })
    } else {
      simplified = true
      const text = bodyText(node).replace(/\n/g, ' ')
      if (text) children.push({ type: 'text', value: text })
    }
    const colspan = Number(node.attrs?.['colspan'] ?? 1)
    const rowspan = Number(node.attrs?.['rowspan'] ?? 1)
    if (colspan > 1 || rowspan > 1) simplified = true
    const filler = Array.from({ length: Math.max(0, Math.min(colspan, 1000) - 1) }, (): TableCell => ({ type: 'tableCell', children: [] }))
    return [{ type: 'tableCell', children }, ...filler]
  }
  const rows: TableRow[] = (table.content ?? []).map((row) => ({ type: 'tableRow', children: (row.content ?? []).flatMap(cell) }))
  const width = Math.max(1, ...rows.map((row) => row.children.length))
  for (const row of rows) while (row.children.length < width) row.children.push({ type: 'tableCell', children: [] })
  const firstRow = table.content?.[0]?.content ?? []
  const align = Array.from({ length: width }, (_, index): AlignType => {
    const value = firstRow[index]?.attrs?.['align']
    return typeof value === 'string' && alignments.has(value) ? (value as AlignType) : null
  })
  return { table: { type: 'table', align, children: rows }, simplified }
}
