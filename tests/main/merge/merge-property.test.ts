import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { bodyText, type BodyNode } from '../../../src/shared/article/body'
import { startThread } from '../../../src/shared/review/comment-threads'
import { mergeArticle } from '../../../src/main/merge'
import { baseArticle, merged } from './merge-fixtures'

/**
 * Random edit scripts (words, bold, blocks inserted, deleted and moved, tags,
 * title, comments) on three copies of one article of paragraphs, headings and
 * quotes, merged as sync merges
 * them (the first two, then that result with the third). Whatever the edits:
 * the result is a valid article, no word any side wrote is lost (it is in the
 * merged article or in a conflict's other side), merging is deterministic, and
 * merging a side with itself or with the base gives that side back.
 */
const RUNS = 200

interface Word {
  text: string
  bold: boolean
}
interface Block {
  kind: 'paragraph' | 'heading' | 'quote'
  words: Word[]
}
interface Model {
  title: string
  tags: string[]
  blocks: Block[]
  threads: { word: string }[]
}

const vocabulary = ['coffee', 'price', 'beans', 'rose', 'farmers', 'harvest', 'dry', 'winter', 'market', 'roasters', 'shelves', 'summer']

const edit = fc.oneof(
  fc.record({ op: fc.constantFrom('insertWord', 'deleteWord', 'replaceWord', 'bold'), block: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('insertBlock', 'deleteBlock', 'moveBlock', 'removeTag'), block: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('addTag', 'title', 'comment'), block: fc.nat(), at: fc.nat() })
)
type Edit = { op: string; block: number; at: number }

const baseModel = fc.record({
  blocks: fc.array(
    fc.record({
      kind: fc.constantFrom<Block['kind']>('paragraph', 'paragraph', 'heading', 'quote'),
      words: fc.array(fc.record({ text: fc.constantFrom(...vocabulary), bold: fc.boolean() }), { minLength: 1, maxLength: 8 })
    }),
    { minLength: 1, maxLength: 6 }
  ),
  tags: fc.uniqueArray(fc.constantFrom(...vocabulary), { maxLength: 4 })
})

function applyEdits(model: Model, edits: readonly Edit[], side: string): Model {
  const next: Model = structuredClone(model)
  let counter = 0
  const marker = (): string => `zz${side}${counter++}`
  for (const { op, block, at } of edits) {
    const target = next.blocks[block % next.blocks.length]!
    const words = target.words
    if (op === 'insertWord') words.splice(at % (words.length + 1), 0, { text: marker(), bold: false })
    else if (op === 'deleteWord' && words.length > 0) words.splice(at % words.length, 1)
    else if (op === 'replaceWord' && words.length > 0) words.splice(at % words.length, 1, { text: marker(), bold: false })
    else if (op === 'bold' && words.length > 0) words[at % words.length]!.bold = !words[at % words.length]!.bold
    else if (op === 'insertBlock') next.blocks.splice(block % (next.blocks.length + 1), 0, { kind: 'paragraph', words: [{ text: marker(), bold: false }, { text: 'coffee', bold: false }] })
    else if (op === 'deleteBlock' && next.blocks.length > 1) next.blocks.splice(block % next.blocks.length, 1)
    else if (op === 'moveBlock') next.blocks.splice(at % next.blocks.length, 0, ...next.blocks.splice(block % next.blocks.length, 1))
    else if (op === 'addTag') next.tags.splice(at % (next.tags.length + 1), 0, marker())
    else if (op === 'removeTag' && next.tags.length > 0) next.tags.splice(at % next.tags.length, 1)
    else if (op === 'title') next.title = `${next.title} ${marker()}`
    else if (op === 'comment') next.threads.push({ word: marker() })
  }
  return next
}

function render(model: Model, updatedAt: string): Article {
  const article = baseArticle()
  const blocks: BodyNode[] = model.blocks.map((block) => {
    const content: BodyNode[] = []
    block.words.forEach((word, i) => {
      const pieces = i === 0 ? [word.text] : [' ', word.text]
      for (const [n, text] of pieces.entries()) {
        const bold = word.bold && n === pieces.length - 1
        const last = content.at(-1)
        if (last && Boolean(last.marks) === bold) last.text += text
        else content.push(bold ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text })
      }
    })
    const node: BodyNode = block.kind === 'heading' ? { type: 'heading', attrs: { level: 2 } } : { type: 'paragraph' }
    if (content.length > 0) node.content = content
    // A quote holds its paragraph: its words merge one level down.
    return block.kind === 'quote' ? { type: 'blockquote', content: [node] } : node
  })
  const threads = model.threads.map((thread, i) => ({
    ...startThread('coffee', `Check ${thread.word}`, { name: 'Ben Okafor', role: 'editor' }, '2026-01-07T10:00:00.000Z'),
    id: `thread-${thread.word}-${i}`
  }))
  return {
    ...article,
    title: model.title,
    tags: model.tags,
    updatedAt,
    body: { type: 'doc', content: blocks },
    ...(threads.length > 0 ? { comments: threads } : {})
  }
}

/** Every word a person could have written: title, tags, body and comments. */
const wordsOf = (article: Article | undefined): Set<string> =>
  new Set(
    [article?.title, ...(article?.tags ?? []), article ? bodyText(article.body) : '', ...(article?.comments ?? []).flatMap((t) => t.messages.map((m) => m.text))]
      .join(' ')
      .split(/\s+/)
  )
const markers = (article: Article): string[] => [...wordsOf(article)].filter((word) => word.startsWith('zz'))

describe('merge property', () => {
  it(`three copies edited at random (${RUNS} runs): valid, nothing lost, deterministic, idempotent`, () => {
    let editsMade = 0
    let conflicts = 0
    const script = fc.array(edit, { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(baseModel, script, script, script, (start, editsA, editsB, editsC) => {
        editsMade += editsA.length + editsB.length + editsC.length
        const model: Model = { title: 'Coffee prices rise', threads: [], ...start }
        const base = render(model, '2026-01-05T09:00:00.000Z')
        const [a, b, c] = [
          render(applyEdits(model, editsA, 'a'), '2026-02-01T00:00:01.000Z'),
          render(applyEdits(model, editsB, 'b'), '2026-02-01T00:00:02.000Z'),
          render(applyEdits(model, editsC, 'c'), '2026-02-01T00:00:03.000Z')
        ]

        const first = merged({ base, ours: a, theirs: b })
        const final = merged({ base, ours: first.article, theirs: c })
        conflicts += Number(Boolean(first.conflict)) + Number(Boolean(final.conflict))
        const kept = new Set([...wordsOf(final.article), ...wordsOf(first.conflict?.other), ...wordsOf(final.conflict?.other)])
        for (const side of [a, b, c]) for (const word of markers(side)) expect(kept, `${word} was lost`).toContain(word)
        const threads = new Set(final.article?.comments?.map((t) => t.id))
        for (const side of [a, b, c]) for (const thread of side.comments ?? []) expect(threads).toContain(thread.id)

        expect(mergeArticle({ base, ours: a, theirs: b })).toEqual(first)
        // The three copies are edited alike, so one of them stands for all here.
        for (const sides of [{ ours: c, theirs: c }, { ours: c, theirs: base }, { ours: base, theirs: c }]) {
          expect(mergeArticle({ base, ...sides })).toEqual({ article: c, conflict: null, notices: [] })
        }
      }),
      { numRuns: RUNS }
    )
    console.info(`merge property: ${RUNS} runs, ${editsMade} edits on three copies each merged twice, ${conflicts} of ${2 * RUNS} merges with a conflict`)
  })
})
