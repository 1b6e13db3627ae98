import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { bodyStats, type BodyNode } from '../../../src/shared/article/body'
import { checklistConfigSchema, defaultChecklistConfig } from '../../../src/shared/review/checklist-config'
import { runChecklist, type ChecklistContext } from '../../../src/shared/review/checklist'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'

const context = (overrides: Partial<ChecklistContext> = {}): ChecklistContext => ({
  otherSlugs: relatedArticles().map((a) => a.slug),
  promos: [hostingPromo()],
  today: '2026-03-01',
  ...overrides
})
const check = (article: Article, ctx = context(), config = defaultChecklistConfig()) => runChecklist(article, config, ctx)
const item = (article: Article, id: string, ctx = context()) => check(article, ctx).items.find((i) => i.id === id)

/** The fixture's FAQ items, to edit in place. */
const faqItems = (article: Article): BodyNode[] => article.body.content.find((n) => n.type === 'faq')?.content ?? []

describe('pre-export checklist', () => {
  it('passes the fixture article with the default configuration, saying what it checked', () => {
    const result = check(netflixArticle())
    expect(result.passed).toBe(true)
    expect(result.items.map((i) => [i.id, i.ok])).toEqual([
      ['title-length', true],
      ['description-length', true],
      ['slug-unique', true],
      ['image-alt', true],
      ['faq-answers', true],
      ['promos', true],
      ['word-count', true]
    ])
    expect(result.items.find((i) => i.id === 'faq-answers')?.message).toBe('All 5 FAQ questions have answers.')
    expect(result.items.find((i) => i.id === 'promos')?.message).toBe('All 2 promo slots show a current promo.')
  })

  it('checks title and description lengths against the configured range', () => {
    const article = { ...netflixArticle(), title: `${netflixArticle().title} and Sora`, description: '' }
    expect(item(article, 'title-length')).toMatchObject({
      ok: false,
      message: 'The title has 79 characters; shorten it to at most 70.'
    })
    expect(item(article, 'description-length')).toMatchObject({
      ok: false,
      message: 'The description is empty; it should be between 50 and 160 characters.'
    })
    const wide = checklistConfigSchema.parse({ titleLength: { max: 100 } })
    expect(runChecklist(article, wide, context()).items.find((i) => i.id === 'title-length')?.ok).toBe(true)
  })

  it('fails when another article already has the slug', () => {
    const article = { ...netflixArticle(), slug: relatedArticles()[0]!.slug }
    expect(item(article, 'slug-unique')).toMatchObject({
      ok: false,
      message:
        'Another article in the library already uses the slug “what-causes-many-entrepreneurs-to-fail”; change one of them so their addresses differ.'
    })
  })

  it('asks for alt text on every image in the body and on the featured image', () => {
    const article = netflixArticle()
    article.featuredImage = { src: 'media/cover.jpg', alt: ' ' }
    article.body.content.splice(1, 0, { type: 'image', attrs: { src: 'media/sarandos.jpg', alt: '', title: null } })
    article.body.content.splice(2, 0, { type: 'image', attrs: { src: 'media/sora.jpg', alt: 'A frame from Sora 2', title: null } })
    expect(item(article, 'image-alt')).toMatchObject({
      ok: false,
      message: 'Describe the featured image, the image “sarandos.jpg” in alt text, for readers who cannot see it.'
    })
    article.featuredImage.alt = 'Netflix logo on a screen'
    article.body.content[1]!.attrs!['alt'] = 'Ted Sarandos on stage'
    expect(item(article, 'image-alt')).toMatchObject({ ok: true, message: 'All 3 images have alt text.' })
  })

  it('says “its one image”, not “all 1 image have”, when there is one image', () => {
    const article = netflixArticle()
    article.featuredImage = { src: 'media/cover.jpg', alt: 'Netflix logo on a screen' }
    expect(item(article, 'image-alt')).toMatchObject({ ok: true, message: 'Its one image has alt text.' })
  })

  it('names the FAQ question whose answer is empty', () => {
    const article = netflixArticle()
    faqItems(article)[3]!.content![1] = { type: 'faqAnswer', content: [{ type: 'paragraph' }] }
    expect(item(article, 'faq-answers')).toMatchObject({
      ok: false,
      message: 'The question “Why are actors and artists concerned about AI?” has no answer.'
    })
  })

  it('fails on a promo slot whose promo expired, is gone, or was never chosen', () => {
    const expired = { ...hostingPromo(), activeUntil: '2025-12-31' }
    expect(item(netflixArticle(), 'promos', context({ promos: [expired] }))).toMatchObject({
      ok: false,
      message: 'The promo “Hosting 75% off” ended on 2025-12-31: choose another promo or remove the slot.'
    })
    const article = netflixArticle()
    article.body.content.find((n) => n.type === 'promoSlot')!.attrs = { promoId: null }
    expect(item(article, 'promos', context({ promos: [] }))?.message).toBe(
      'Promo slot 1 has no promo chosen; promo slot 2 shows a promo that is no longer in the library: choose another promo or remove the slot.'
    )
  })

  it('lets a promo run through its last day', () => {
    expect(item(netflixArticle(), 'promos', context({ today: hostingPromo().activeUntil! }))?.ok).toBe(true)
  })

  it('needs the minimum word count', () => {
    const { words } = bodyStats(netflixArticle().body)
    expect(item(netflixArticle(), 'word-count')).toMatchObject({ ok: true, message: `The article has ${words} words.` })
    const strict = checklistConfigSchema.parse({ minimumWords: { min: words + 1 } })
    expect(runChecklist(netflixArticle(), strict, context()).items.find((i) => i.id === 'word-count')).toMatchObject({
      ok: false,
      message: `The article has ${words} words; it needs at least ${words + 1}.`
    })
  })

  it('skips checks the library turned off', () => {
    const config = checklistConfigSchema.parse({ uniqueSlug: { enabled: false }, minimumWords: { enabled: false } })
    const ids = runChecklist(netflixArticle(), config, context()).items.map((i) => i.id)
    expect(ids).not.toContain('slug-unique')
    expect(ids).not.toContain('word-count')
    expect(ids).toHaveLength(5)
  })

  it('refuses a configuration whose minimum is above its maximum', () => {
    expect(checklistConfigSchema.safeParse({ titleLength: { min: 80, max: 70 } }).success).toBe(false)
    expect(checklistConfigSchema.safeParse({ minimumWords: { min: -1 } }).success).toBe(false)
  })

  it('judges the text as it would be exported: a pending insertion does not fill an empty answer', () => {
    const article = netflixArticle()
    const suggested = { id: 's1', author: 'Sam Ortiz', role: 'editor', at: '2026-03-01T09:00:00.000Z' }
    faqItems(article)[0]!.content![1] = {
      type: 'faqAnswer',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Proposed answer.', marks: [{ type: 'suggestionInsert', attrs: suggested }] }] }]
    }
    expect(item(article, 'faq-answers')?.ok).toBe(false)
    faqItems(article)[0]!.content![1]!.content![0]!.content![0]!.marks = [{ type: 'suggestionDelete', attrs: suggested }]
    expect(item(article, 'faq-answers')?.ok).toBe(true)
  })
})
