import { describe, expect, it } from 'vitest'
import type { BodyDoc, BodyNode } from '../../../src/shared/article/body'
import { blockSplice, spliceBody } from '../../../src/shared/article/body-patch'

const paragraph = (text: string): BodyNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const doc = (...content: BodyNode[]): BodyDoc => ({ type: 'doc', content })

describe('a body as its changed blocks', () => {
  const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(paragraph) as [BodyNode, BodyNode, BodyNode, BodyNode]
  const before = doc(a, b, c)

  it.each([
    ['a block typed in', doc(a, paragraph('B!'), c), 1, 1, 1],
    ['a block added at the end', doc(a, b, c, d), 3, 0, 1],
    ['a block added at the start', doc(d, a, b, c), 0, 0, 1],
    ['a block removed', doc(a, c), 1, 1, 0],
    ['a paragraph split in two', doc(a, paragraph('B'), paragraph('b'), c), 1, 1, 2],
    ['nothing changed', doc(a, b, c), 3, 0, 0]
  ])('%s carries only the blocks that differ, and rebuilds the new body', (_, after, from, remove, inserted) => {
    const splice = blockSplice(before, after)
    expect(splice).toMatchObject({ from, remove })
    expect(splice.insert.content).toHaveLength(inserted)
    expect(spliceBody(before, splice)).toEqual(after)
  })

  it('refuses a splice that reaches past the end of the body', () => {
    expect(spliceBody(before, { from: 2, remove: 2, insert: doc() })).toBeNull()
  })
})
