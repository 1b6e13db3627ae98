import { describe, expect, it } from 'vitest'
import { bodySchema } from '../../../src/shared/article/body'
import { BODY_MAX_NODES } from '../../../src/shared/article/body-bounds'

const paragraphs = (count: number) => ({ type: 'doc', content: Array.from({ length: count }, () => ({ type: 'paragraph' })) })

describe('article body bounds', () => {
  it('takes a body of exactly 600,000 parts and refuses one more, in plain words', () => {
    expect(bodySchema.safeParse(paragraphs(BODY_MAX_NODES)).success).toBe(true)
    const over = bodySchema.safeParse(paragraphs(BODY_MAX_NODES + 1))
    expect(over.success).toBe(false)
    expect(over.error?.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^The article’s text has more than 600,000 parts/)])
  })

  it('refuses a body nested deeper than any stack, without walking it recursively', () => {
    let node: Record<string, unknown> = { type: 'paragraph' }
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] }
    const deep = bodySchema.safeParse({ type: 'doc', content: [node] })
    expect(deep.error?.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/nested more than 100 levels deep/)])
  })
})
