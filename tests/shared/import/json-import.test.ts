import { describe, expect, it } from 'vitest'
import { editableFieldsSchema } from '../../../src/shared/article/article'
import { fixtureArticles, netflixArticle } from '../../fixtures/netflix'
import { importFixture, importOk, importRefused } from './import-helpers'

const netflixJson = (): Record<string, unknown> => JSON.parse(importFixture('../netflix/article.json')) as Record<string, unknown>

describe('Copydesk article JSON import', () => {
  it('round-trips the fixture articles: every editable field comes back as written', () => {
    for (const article of fixtureArticles()) {
      const imported = importOk(`${article.slug}.json`, JSON.stringify(article, null, 2))
      expect(imported.fields).toEqual(editableFieldsSchema.parse(article))
      expect(imported.warnings).toEqual([])
    }
  })

  it('reads the fixture file as stored on disk, keeping its FAQ and promo slots', () => {
    const imported = importOk('article.json', importFixture('../netflix/article.json'))
    expect(imported.fields.body).toEqual(netflixArticle().body)
    expect(imported.fields).not.toHaveProperty('id')
    expect(imported.fields).not.toHaveProperty('createdAt')
  })

  it('warns that a featured image has to be in this library’s media folder', () => {
    const article = { ...netflixJson(), featuredImage: { src: 'media/netflix.jpg', alt: 'The Netflix logo' } }
    const imported = importOk('article.json', JSON.stringify(article))
    expect(imported.fields.featuredImage).toEqual({ src: 'media/netflix.jpg', alt: 'The Netflix logo' })
    expect(imported.warnings).toEqual(['The featured image media/netflix.jpg must be in this library’s media folder; copy it there if it is missing.'])
  })

  it('refuses files that are not Copydesk articles, saying why', () => {
    expect(importRefused('article.json', '{"title": "half a file"')).toMatch(/^article\.json: it is not valid JSON \(.+\)\.$/)
    expect(importRefused('article.json', '[1, 2]')).toBe('article.json: it is not a Copydesk article: the file should hold one JSON object.')
    const { slug: _slug, ...withoutSlug } = netflixJson()
    expect(importRefused('article.json', JSON.stringify(withoutSlug))).toMatch(/^article\.json: it is not a valid Copydesk article \(slug: .+\)\.$/)
    expect(importRefused('article.json', JSON.stringify({ ...netflixJson(), status: 'live' }))).toMatch(/\(status: /)
    expect(importRefused('article.json', JSON.stringify({ ...netflixJson(), formatVersion: 7 }))).toBe(
      'article.json: it was written by a newer Copydesk (article format 7); update Copydesk to import it.'
    )
  })

  it('refuses a body the editor’s schema does not accept', () => {
    const script = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] }
    expect(importRefused('article.json', JSON.stringify({ ...netflixJson(), body: script }))).toMatch(/^article\.json: its body does not fit Copydesk’s blocks: /)
    const faqWithoutAnswer = { type: 'doc', content: [{ type: 'faq', content: [{ type: 'faqItem', content: [{ type: 'faqQuestion' }] }] }] }
    expect(importRefused('article.json', JSON.stringify({ ...netflixJson(), body: faqWithoutAnswer }))).toMatch(/its body does not fit/)
  })
})
