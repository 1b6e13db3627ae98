import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown, type State } from 'mdast-util-to-markdown'
import { describe, expect, it } from 'vitest'
import { dialects, type DialectName } from '../../../../src/shared/export/markdown/dialects'
import { lineBreakOffset, matchesAtBreaks } from '../../../../src/shared/export/markdown/line-break-patterns'

/** A toMarkdown state with CommonMark's, GFM's and the dialect's unsafe patterns, as the writer escapes text with. */
function stateOf(name: DialectName): State {
  let captured: State | undefined
  toMarkdown(
    { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] },
    {
      extensions: [gfmToMarkdown()],
      unsafe: dialects[name].unsafe,
      handlers: {
        text(_node, _parent, state) {
          captured = state
          return 'x'
        }
      }
    }
  )
  return captured!
}

/**
 * The writer leaves a pattern out when matchesAtBreaks says it cannot match a
 * text without line breaks: that must hold for every pattern it applies to,
 * in whatever comes before and after the text, or some text would go
 * unescaped. Each answer is checked against the pattern's own regex run over
 * the whole text, as mdast-util-to-markdown runs it.
 */
describe('patterns that must hold a line break', () => {
  const befores = ['\n', '', ' ', '# ', '\n\n', '\r\n', '\n  ', '\n\t', 'a', '\n1', '\n12', '>', '*', '\r']
  const afters = ['\n', '', ' ', '\r', '\r\n', '\n\n', 'x', '\n#', '*']
  const values = ['', 'a', ' ', '  ', '\t', '1.', '12. item', '1) x', '# x', 'x #', 'a ', ' a', 'a\t', '\\', 'x\\', '.', '7.', '3.x', '- x', '+ y', '* z', '---', '=', '>', '~~~', '```', '<div>', '{{<', 'www.x', 'W.a', 'i', 'import x', '. ', ' .', '9. ']
  it.each(Object.keys(dialects) as DialectName[])('are ruled out only where they cannot match, in the %s dialect', (name) => {
    const state = stateOf(name)
    const applying = state.unsafe.filter((pattern) => lineBreakOffset(pattern) !== undefined)
    expect(applying.length).toBeGreaterThan(10)
    const wrong: string[] = []
    for (const pattern of applying) {
      const offset = lineBreakOffset(pattern)!
      const expression = state.compilePattern(pattern)
      for (const before of befores) {
        for (const value of values) {
          for (const after of afters) {
            expression.lastIndex = 0
            const matches = expression.test(before + value + after)
            expression.lastIndex = 0
            if (matchesAtBreaks(state, pattern, offset, before, value, after) !== matches) wrong.push(`${expression} in ${JSON.stringify(before + value + after)}`)
          }
        }
      }
    }
    expect(wrong).toEqual([])
  })
})
