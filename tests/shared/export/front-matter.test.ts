import { describe, expect, it } from 'vitest'
import { isScalar, parse, parseDocument } from 'yaml'
import { exportMarkdown, profileNames } from '../../../src/shared/export'
import { articleWith, faq, fixtureContext, p } from './support/body'

/** Strings a YAML writer built by concatenation would get wrong, or Jekyll's YAML 1.1 parser would read as something else. */
const hostileStrings = [
  'Netflix: the AI bet',
  'She said "AI" and \'ML\'',
  '# not a comment',
  'Title # with a hash',
  'First line\nsecond line',
  'Ends with a newline\n',
  '- looks like a list',
  '@handle at the start',
  '`backtick` start',
  '*star, &anchor and !tag',
  '%directive',
  '{ flow: map }',
  '[flow, list]',
  '| literal',
  '> folded',
  '---',
  '...',
  '? key',
  'yes',
  'No',
  'on',
  'y',
  'N',
  'null',
  '~',
  'true',
  '2025-10-22',
  '2025-1-5',
  '1.0',
  '+.5',
  '.inf',
  '0x1F',
  '0o17',
  '1e3',
  '1_000',
  '99_',
  '12:30',
  ' leading and trailing spaces ',
  'tab\there',
  '\'',
  '"',
  'Unicode ✓ and \u2028 line separator',
  'Next line \u0085 and paragraph \u2029 separators'
]

/** Strings Jekyll's Psych reads as a number, boolean, null, date or symbol when written plain, though the yaml library reads them as strings. */
const psychOnlyStrings = ['1,000', 'yEs', 'NuLL', '.iNf', '2025-10-22T09:30:00+0530', ':symbol']

const frontMatterOf = (content: string): string => /^---\n([\s\S]*?)\n---\n/.exec(content)![1]!

describe('YAML front matter', () => {
  it.each(profileNames)('%s: hostile titles, descriptions, tags and authors read back as the same strings', (profile) => {
    for (const value of hostileStrings) {
      const article = articleWith([p('Body.')], { title: value, dek: value, description: value, tags: [value], authors: [value], category: value })
      const yamlText = frontMatterOf(exportMarkdown(article, fixtureContext(), profile).content)
      // YAML 1.1 readers (Psych) take these for line breaks unless they are escaped.
      expect(yamlText).not.toMatch(/[\u0085\u2028\u2029]/)
      // YAML 1.2 (the yaml library, Hugo) and YAML 1.1 (Jekyll's Psych) must agree.
      for (const version of ['1.2', '1.1'] as const) {
        const data = parse(yamlText, { version }) as Record<string, unknown>
        expect(data['title'], `${profile} ${version} ${JSON.stringify(value)}`).toBe(value)
        expect(data['description']).toBe(value)
        expect(data['subtitle']).toBe(value)
        expect(data['tags']).toEqual([value])
        expect(data['authors']).toEqual([value])
      }
    }
  })

  it.each(profileNames)('%s: strings only Jekyll would misread are quoted', (profile) => {
    for (const value of psychOnlyStrings) {
      const article = articleWith([p('Body.')], { title: value, tags: [value] })
      const doc = parseDocument(frontMatterOf(exportMarkdown(article, fixtureContext(), profile).content))
      const title = doc.get('title', true)
      const tag = doc.getIn(['tags', 0], true)
      expect(isScalar(title) && title.value === value && title.type !== 'PLAIN', `${profile} ${value}`).toBe(true)
      expect(isScalar(tag) && tag.value === value && tag.type !== 'PLAIN', `${profile} ${value}`).toBe(true)
    }
  })

  it.each(['hugo', 'jekyll', 'astro'] as const)('%s: FAQ questions and answers read back as written', (profile) => {
    for (const value of hostileStrings.filter((text) => text.trim() === text && !text.includes('\n'))) {
      const article = articleWith([faq(value, [value, [p(value)]])])
      const data = parse(frontMatterOf(exportMarkdown(article, fixtureContext(), profile).content), { version: '1.1' }) as {
        faq: { title: string; items: { question: string; answer_text: string }[] }[]
      }
      // Titles and questions are one line of text: runs of whitespace become one space.
      const oneLine = value.replace(/\s+/g, ' ')
      expect(data.faq).toEqual([{ title: oneLine, items: [{ question: oneLine, answer: expect.any(String), answer_text: value }] }])
    }
  })

  it('is written as plain YAML: no anchors or aliases, even for repeated values', () => {
    const article = articleWith([faq('Same', ['Q', [p('A')]]), faq('Same', ['Q', [p('A')]])], { tags: ['x', 'x'] })
    const yamlText = frontMatterOf(exportMarkdown(article, fixtureContext(), 'hugo').content)
    expect(yamlText).not.toMatch(/[&*][a-z]+\d/)
  })
})
