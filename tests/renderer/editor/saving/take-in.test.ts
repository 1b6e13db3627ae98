import { describe, expect, it } from 'vitest'
import type { BodyDoc, BodyNode } from '../../../../src/shared/article/body'
import { takeIn } from '../../../../src/renderer/src/editor/saving/take-in'

const paragraph = (text: string): BodyNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const doc = (...content: BodyNode[]): BodyDoc => ({ type: 'doc', content })
/** The library's copy: the same content in objects of its own, with keys in another order, as IPC and its checks leave them. */
const fromLibrary = (body: BodyDoc): BodyDoc => doc(...body.content.map((block) => ({ content: structuredClone(block.content), type: block.type }) as BodyNode))

const [a, b, c, d] = ['Alpha.', 'Bravo.', 'Charlie.', 'Delta.'].map(paragraph) as [BodyNode, BodyNode, BodyNode, BodyNode]
const basis = doc(a, b, c, d)

describe('taking the library’s body into the editor', () => {
  it('replaces only the blocks the library changed, and links the rest of the basis to the editor’s own blocks', () => {
    const theirs = fromLibrary(doc(a, paragraph('Bravo, edited elsewhere.'), c, d))
    const plan = takeIn(basis, basis, theirs)
    expect(plan).toMatchObject({ index: 1, remove: 1, insert: [paragraph('Bravo, edited elsewhere.')], typedSince: false })
    expect(plan!.basis.content[0]).toBe(a)
    expect(plan!.basis.content[2]).toBe(c)
    expect(plan!.basis.content[1]).toBe(theirs.content[1])
  })

  it('finds nothing to change in the same body sent back in other objects', () => {
    expect(takeIn(basis, basis, fromLibrary(basis))).toMatchObject({ remove: 0, insert: [] })
  })

  it('keeps what was typed since in another block, before or after, and finds the changed blocks where typing moved them', () => {
    // Typed after: a paragraph split in two at the end of the article.
    const typedAfter = doc(a, b, c, paragraph('Delta, typed on.'), paragraph('New.'))
    const theirs = fromLibrary(doc(paragraph('Alpha, edited elsewhere.'), b, c, d))
    expect(takeIn(basis, typedAfter, theirs)).toMatchObject({ index: 0, remove: 1, typedSince: true })
    // Typed before: the index moves by the blocks typing added.
    const typedBefore = doc(paragraph('Alpha, typed.'), paragraph('Alpha two.'), b, c, d)
    const edited = fromLibrary(doc(a, b, c, paragraph('Delta, edited elsewhere.')))
    const plan = takeIn(basis, typedBefore, edited)
    expect(plan).toMatchObject({ index: 4, remove: 1, insert: [paragraph('Delta, edited elsewhere.')], typedSince: true })
    expect(plan!.basis.content.map((block) => block.content?.[0])).toEqual([a, b, c, paragraph('Delta, edited elsewhere.')].map((block) => block.content?.[0]))
  })

  it('leaves to the library’s merge a block typed in that the library changed too, or one beside it', () => {
    const theirs = fromLibrary(doc(a, paragraph('Bravo, edited elsewhere.'), c, d))
    expect(takeIn(basis, doc(a, paragraph('Bravo, typed.'), c, d), theirs)).toBeNull()
    expect(takeIn(basis, doc(a, b, paragraph('Charlie, typed.'), d), theirs)).toBeNull()
    expect(takeIn(basis, doc(a, b, paragraph('Inserted.'), c, d), theirs)).toBeNull()
  })
})
