import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { exportMarkdown } from '../../../../src/shared/export'
import { describeWithTools } from '../../../support/system-tools'
import { articleWith, fixtureContext } from '../support/body'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const bodyOf = (markdown: string): string => markdown.replace(/^---\n[\s\S]*?\n---\n/, '')

describeWithTools(['cmark-gfm'], 'paragraphs that start or end with spaces, exported to Markdown and read by cmark-gfm', () => {
  it('stay paragraphs with their words, neither escaped (&#x20;) nor read as code', () => {
    const article = articleWith([paragraph(' One space first.'), paragraph('    Four spaces first, not code.'), paragraph('Spaces after  '), paragraph('\tA tab first.')])
    const markdown = bodyOf(exportMarkdown(article, fixtureContext(), 'plain').content)
    expect(markdown).not.toContain('&#x20;')
    const html = execFileSync('cmark-gfm', [], { input: markdown, encoding: 'utf8' })
    expect(html).not.toContain('<pre>')
    expect(html).toContain('<p>One space first.</p>')
    expect(html).toContain('<p>Four spaces first, not code.</p>')
    expect(html).toContain('<p>Spaces after</p>')
    expect(html).toContain('<p>A tab first.</p>')
  })
})

it('drops edge text made only of spaces, keeps the spaces of code at an edge, and leaves out a paragraph of spaces only', () => {
  const code = (text: string) => ({ type: 'text', text, marks: [{ type: 'code' }] })
  const article = articleWith([
    { type: 'paragraph', content: [{ type: 'text', text: ' \t ' }, { type: 'text', text: ' Words ' }, { type: 'text', text: '  ' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Run ' }, code(' x ')] },
    paragraph(' \t  '),
    paragraph('Last.')
  ])
  expect(bodyOf(exportMarkdown(article, fixtureContext(), 'plain').content)).toBe('\nWords\n\nRun `  x  `\n\nLast.\n')
})
