import type { Root, RootContent } from 'mdast'
import { expect, it } from 'vitest'
import type { BodyNode } from '../../../../src/shared/article/body'
import { mapCode } from '../../../../src/shared/export/markdown/map-nodes'
import { inlineToMdast } from '../../../../src/shared/export/mdast/inline-to-mdast'

const env = { unsafeLink: () => undefined, image: () => null }
const bold = (text: string): BodyNode => ({ type: 'text', text, marks: [{ type: 'bold' }] })

it('writes unmarked text as the general path for marked text does: empty text left out, an empty mark list as none', () => {
  const plain: BodyNode[] = [{ type: 'text', text: 'One ' }, { type: 'text', text: '' }, { type: 'text', text: ' two', marks: [] }, { type: 'text', text: '  ' }]
  // A bold leaf after them sends the same leaves down the general path.
  const general = inlineToMdast([...plain, bold('three')], env)
  expect(general.at(-1)).toEqual({ type: 'strong', children: [{ type: 'text', value: 'three' }] })
  expect(inlineToMdast(plain, env)).toEqual(general.slice(0, -1))
  expect(inlineToMdast(plain, env)).toEqual([
    { type: 'text', value: 'One ' },
    { type: 'text', value: ' two' },
    { type: 'text', value: '  ' }
  ])
})

const tree = (): Root => ({
  type: 'root',
  children: [
    { type: 'paragraph', children: [{ type: 'text', value: 'Before' }] },
    { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Quoted ' }, { type: 'inlineCode', value: 'x' }] }] },
    { type: 'paragraph', children: [{ type: 'text', value: 'After' }] }
  ]
})

it('keeps a tree with nothing to replace as it is, and copies only the path to a replaced node', () => {
  const untouched = tree()
  expect(mapCode(untouched, (node) => [node])).toBe(untouched)

  const given = tree()
  const before = structuredClone(given)
  const mapped = mapCode(given, (node): RootContent[] => [{ type: 'text', value: `<${node.value}>` }])
  // The tree given is never changed.
  expect(given).toEqual(before)
  expect(mapped).not.toBe(given)
  expect(mapped.children[0]).toBe(given.children[0])
  expect(mapped.children[2]).toBe(given.children[2])
  expect(mapped.children[1]).toEqual({ type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Quoted ' }, { type: 'text', value: '<x>' }] }] })
})
