import { describe, expect, it } from 'vitest'
import type { BodyNode } from '../../../../src/shared/article/body'
import { exportMarkdown, type ProfileName } from '../../../../src/shared/export'
import { articleWith, fixtureContext, image, link, p, text } from '../support/body'

/** The body of an export, without front matter, and its warnings. */
function exportBody(profile: ProfileName, ...content: BodyNode[]): { body: string; warnings: string[] } {
  const result = exportMarkdown(articleWith(content), fixtureContext(), profile)
  return { body: result.content.replace(/^---\n[\s\S]*?\n---\n\n/, ''), warnings: result.warnings.map((warning) => warning.kind) }
}
const codeBlock = (value: string): BodyNode => ({ type: 'codeBlock', content: [text(value)] })

describe('Markdown dialects: what each generator reads before the Markdown parser', () => {
  describe('hugo', () => {
    it('breaks up shortcode delimiters in text with a Markdown escape', () => {
      expect(exportBody('hugo', p('Use {{< youtube id >}} or {{% note %}}.')).body).toBe('Use {{\\< youtube id >}} or {{\\% note %}}.\n')
    })

    it('writes shortcodes in code with Hugo’s own comment escape', () => {
      const { body, warnings } = exportBody('hugo', p(text('{{< x >}}', 'code')), codeBlock('{{% y %}}\n{{< z >}}'))
      expect(body).toBe('`{{</* x */>}}`\n\n```\n{{%/* y */%}}\n{{</* z */>}}\n```\n')
      expect(warnings).toEqual([])
    })

    it('adds a zero-width space to code with an unclosed shortcode, and warns', () => {
      const { body, warnings } = exportBody('hugo', p(text('a {{< b', 'code')))
      expect(body).toBe('`a {{\u200b< b`\n')
      expect(warnings).toEqual(['template-syntax-in-code'])
    })
  })

  describe('jekyll (Liquid, then kramdown)', () => {
    it('writes the `{` of Liquid tags, kramdown attributes and math as character references or escapes', () => {
      expect(exportBody('jekyll', p('{{ a }} {{% b %}} {% c %} {: .d} $$e$$ <f> & g~')).body).toBe(
        '&#x7B;&#x7B; a }} &#x7B;&#x7B;% b %}} &#x7B;% c %} &#x7B;: .d} \\$$e\\$$ &#x3C;f> & g&#x7E;\n'
      )
    })

    it('escapes every `|` in text, which kramdown would read as a table row, and every `]`, which could end a link’s text', () => {
      expect(exportBody('jekyll', p('a | b ] c'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('d | e')] }] }).body).toBe('a \\| b \\] c\n\n- d \\| e\n')
    })

    it('escapes a `:` or `^` starting a line, which kramdown would read as a definition or the end of a block', () => {
      expect(exportBody('jekyll', p('Term'), p(': no definition'), p('^'), p('a', { type: 'hardBreak' }, text(': b ^ c:'))).body).toBe(
        'Term\n\n\\: no definition\n\n&#x5E;\n\na\\\n\\: b ^ c:\n'
      )
    })

    it('writes link destinations as kramdown reads them: as written, so encoded and in angle brackets', () => {
      expect(exportBody('jekyll', p(text('[a] *b* | c', link('https://example.com/a_(b) c?q=1&r=<2>\\')))).body).toBe(
        '[\\[a\\] \\*b\\* \\| c](<https://example.com/a_(b)%20c?q=1&amp;r=%3C2%3E%5C>)\n'
      )
    })

    it('writes image sources the same way, the alt text escaped as text', () => {
      expect(exportBody('jekyll', image('https://example.com/a_(b).png?x=1&y=2', 'A [web] *photo* {{ x }}')).body).toBe(
        '![A \\[web\\] \\*photo\\* &#x7B;&#x7B; x }}](<https://example.com/a_(b).png?x=1&amp;y=2>)\n'
      )
    })

    it('asks kramdown to read Markdown inside underlined text, which it otherwise shows raw', () => {
      expect(exportBody('jekyll', p(text('*a* & b', 'underline'))).body).toBe('<u markdown="span">\\*a\\* & b</u>\n')
    })

    it('gives an ordered list that does not start at 1 its start in a kramdown attribute list, as kramdown ignores the first number', () => {
      const list = (start: number): BodyNode => ({ type: 'orderedList', attrs: { start }, content: [{ type: 'listItem', content: [p('x')] }] })
      // With a blank line between, kramdown drops the list's start when the list opens the post.
      expect(exportBody('jekyll', list(3)).body).toBe('{: start="3"}\n3. x\n')
      expect(exportBody('jekyll', p('Steps:'), list(3)).body).toBe('Steps:\n\n{: start="3"}\n\n3. x\n')
      expect(exportBody('jekyll', list(1)).body).toBe('1. x\n')
    })

    it('wraps code holding Liquid syntax in raw tags', () => {
      expect(exportBody('jekyll', p(text('{{ x }}', 'code')), codeBlock('{% y %}')).body).toBe('{% raw %}`{{ x }}`{% endraw %}\n\n{% raw %}\n\n```\n{% y %}\n```\n\n{% endraw %}\n')
    })

    it('adds zero-width spaces to code that would end the raw tag itself, and warns', () => {
      const { body, warnings } = exportBody('jekyll', p(text('{% endraw %}', 'code')))
      expect(body).toBe('`{\u200b% endraw %}`\n')
      expect(warnings).toEqual(['template-syntax-in-code'])
    })
  })

  describe('astro (MDX)', () => {
    it('escapes every `{` and `<` in text, which MDX would read as code', () => {
      expect(exportBody('astro', p('a {b} <C /> d < e')).body).toBe('a \\{b} \\<C /> d \\< e\n')
    })

    it('leaves code as it is: MDX reads code literally', () => {
      expect(exportBody('astro', p(text('{x} <Y />', 'code'))).body).toBe('`{x} <Y />`\n')
    })

    it('writes the first letter of a line starting `import ` or `export ` as a character reference: MDX would run the line as JavaScript', () => {
      expect(exportBody('astro', p('import x'), p('export y'), p('imports and exports z')).body).toBe('&#x69;mport x\n\n&#x65;xport y\n\nimports and exports z\n')
    })

    it('writes the character remark-gfm links an address by as an expression, which no escape would stop; link text stays as it is', () => {
      expect(exportBody('astro', p('a@b.co, www.x.org and https://x.org'), p(text('https://x.org', link('https://x.org')))).body).toBe(
        'a{"@"}b.co, www{"."}x.org and https{":"}//x.org\n\n[https://x.org](https://x.org)\n'
      )
    })
  })

  describe('plain (CommonMark)', () => {
    it('leaves braces alone', () => {
      expect(exportBody('plain', p('{{< x >}} {% y %} {z}')).body).toBe('{{< x >}} {% y %} {z}\n')
    })
  })
})
