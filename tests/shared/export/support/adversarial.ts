import type { BodyNode } from '../../../../src/shared/article/body'
import { bulletList, heading, link, orderedList, p, text } from './body'

/**
 * Text that means something to Markdown, HTML or a site generator, as a
 * writer might type it. Every construct here has a CommonMark equivalent
 * (no tables, no strike-through), so each profile's Markdown rendered by the
 * reference implementation must read exactly like the HTML export.
 */
export const adversarialBody = (): BodyNode[] => [
  p('1. not a list'),
  p('2) not a list either'),
  p('# not a heading'),
  p('- not a bullet'),
  p('+ not a bullet'),
  p('* not a bullet'),
  p('> not a quote'),
  p('---'),
  p('***'),
  p('=== under a line'),
  p('```not a fence```'),
  p('~~~'),
  p('    four spaces, not code'),
  p('Stars *not emphasis*, __not strong__, _not under_, snake_case_name, 2 * 3 * 4 and a lone *'),
  p('Brackets [not a link](https://example.com) and [ref] and ![not an image](x.png) and [x]: https://def'),
  p('Backticks `not code` and ``double`` and a lone `'),
  p('HTML <b>not bold</b> <!-- not a comment --> <https://not.an/autolink> <div> & &amp; &copy; &#65; &nbsp;'),
  p('Backslashes \\ and \\* and C:\\path\\to\\file\\'),
  p('Trailing spaces   '),
  p('Hugo {{< youtube abc >}} and {{% note %}} and {{</* kept */>}}; Liquid {{ page.title }} and {% include x.html %}; MDX {curly} and <Component />'),
  p('Kramdown reads -- and --- and ... and << >> and $$x$$ and {: .class} and ~~not struck~~ and a^b'),
  p('Quotes "double" and \'single\' and `mixed` and a tab\there'),
  // GFM's renderers (Astro's remark-gfm, Hugo's linkify) link addresses found in text.
  p('Write to press@example.com, see www.example.com or HTTPS://example.org/a_(b), or mailto:a@b.co'),
  p(text('Bold '), text('"quoted"', 'bold'), text('word and '), text(' spaced ', 'italic'), text('next, '), text('both', 'bold', 'italic'), text(' and '), text('b', 'bold'), text('bi', 'bold', 'italic'), text('.')),
  p(text('Link with '), text('[brackets] and *stars*', link('https://example.com/a_(b)?q=1&r=<2>')), text(' and an unsafe '), text('link', link('javascript:alert(1)')), text('.')),
  p(text('Code '), text('a `tick` and {{< x >}} and <b>', 'code'), text(' and underlined '), text('<u> & *text*', 'underline'), text('.')),
  p(text('Line one'), { type: 'hardBreak' }, text('# line two after a break')),
  heading(2, '# Heading starting with a hash and ending with #'),
  heading(3, '1. Heading that looks like a list'),
  bulletList([p('- item that looks like a bullet')], [p('1. item that looks like a number')], [p('item with'), bulletList([p('> nested')])]),
  orderedList(3, [p('2. item three')], [p('item four')]),
  { type: 'blockquote', content: [p('> quoted quote'), p('# quoted hash')] },
  { type: 'codeBlock', attrs: { language: 'html' }, content: [text('```\n<script>alert("x")</script>\n{{< shortcode >}}\n{% raw %}')] },
  { type: 'horizontalRule' },
  p('The end & <fin>')
]
