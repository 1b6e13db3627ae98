import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { Library } from '../../../src/main/library/library'
import { diffRevisions } from '../../../src/main/library/review-diff'
import { relatedArticles } from '../../fixtures/netflix'
import { relatedFields, useTempLibrary } from './temp-library'
import { netflixDraft } from './review-setup'

let library: Library
let article: Article
useTempLibrary(async (opened) => {
  library = opened
  article = await netflixDraft(opened)
})

const firstRevision = async (): Promise<string> => (await library.listRevisions(article.id)).at(-1)!.id

describe('diff between revisions in the library', () => {
  it('names the promos a changed slot shows, from the library’s promos', async () => {
    const spring = await library.savePromo({
      name: 'Spring sale',
      label: 'Sponsored',
      headline: 'Spring sale',
      text: '',
      url: 'https://shop.example.com/spring',
      cta: 'Shop now',
      sponsor: '',
      activeFrom: null,
      activeUntil: null
    })
    const body = structuredClone(article.body)
    body.content[2]!.attrs = { promoId: spring.id }
    await library.saveArticle(article.id, { body })

    const diff = await diffRevisions(library, { id: article.id, from: await firstRevision(), to: 'current' })
    expect(diff.sections).toMatchObject([{ kind: 'promo', change: 'changed', summary: 'Now shows “Spring sale” instead of “Hosting 75% off”.' }])
  })

  it('names related articles by their titles in this library', async () => {
    const [entrepreneurs] = relatedArticles()
    const related = await library.createArticle(relatedFields()[0]!)
    await library.saveArticle(article.id, { related: [related.id] })
    const diff = await diffRevisions(library, { id: article.id, from: await firstRevision(), to: 'current' })
    const section = diff.sections.find((s) => s.field === 'related')
    expect(section?.lines[0]?.runs).toContainEqual({ kind: 'added', text: entrepreneurs!.title })
  })

  it('finds nothing between the current article and its latest revision', async () => {
    const latest = (await library.listRevisions(article.id))[0]!.id
    expect(await diffRevisions(library, { id: article.id, from: latest, to: 'current' })).toMatchObject({ identical: true, sections: [] })
  })

  it('answers an unknown revision with not-found', async () => {
    await expect(diffRevisions(library, { id: article.id, from: '000000000000001-save-abcdef12', to: 'current' })).rejects.toMatchObject({ code: 'not-found' })
  })
})
