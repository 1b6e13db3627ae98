import { findSuggestionMatch, type Trigger } from '@tiptap/suggestion'
import { describe, expect, it } from 'vitest'
import { articleSchema } from '../../../src/shared/schema/extensions'
import { slashMatch } from '../../../src/renderer/src/editor/toolbar/slash-command'

/** The slash menu's trigger with the cursor at the end of a paragraph holding `text`. */
function atEndOf(text: string): Trigger {
  const doc = articleSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
  return { char: '/', allowSpaces: false, allowToIncludeChar: false, allowedPrefixes: [' '], startOfLine: false, $position: doc.resolve(1 + text.length) }
}

describe('the slash menu’s match', () => {
  it('finds what the suggestion plugin’s own matcher finds, for text with and without a slash', () => {
    const texts = ['/', '/faq', 'Some words /ima', 'Some words / and more', 'either/or', 'a/b /c', 'no slash here at all', 'ends in a slash/']
    for (const text of texts) expect(slashMatch(atEndOf(text)), text).toEqual(findSuggestionMatch(atEndOf(text)))
  })

  it('opens on a slash after a space and is quiet without one', () => {
    expect(slashMatch(atEndOf('Some words /ima'))).toMatchObject({ query: 'ima', text: '/ima', range: { from: 12, to: 16 } })
    expect(slashMatch(atEndOf('Some words and more'))).toBeNull()
  })
})
