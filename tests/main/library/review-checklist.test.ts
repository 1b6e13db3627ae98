import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { defaultChecklistConfig } from '../../../src/shared/review/checklist-config'
import type { Library } from '../../../src/main/library/library'
import { articleChecklist, CHECKLIST_FILE, readChecklistConfig, writeChecklistConfig } from '../../../src/main/library/review-checklist'
import { relatedFields, useTempLibrary } from './temp-library'
import { netflixDraft, today } from './review-setup'

let library: Library
let article: Article
const session = useTempLibrary(async (opened) => {
  library = opened
  article = await netflixDraft(opened)
})

const configFile = (): string => join(session.dir, CHECKLIST_FILE)

describe('checklist settings of a library', () => {
  it('are the defaults until set, then kept in the library folder and read back after reopening', async () => {
    expect(await readChecklistConfig(library.dir)).toEqual(defaultChecklistConfig())
    const saved = await writeChecklistConfig(library.dir, { minimumWords: { min: 800 }, faqAnswers: { enabled: false } })
    expect(saved).toEqual({ ...defaultChecklistConfig(), minimumWords: { enabled: true, min: 800 }, faqAnswers: { enabled: false } })
    expect(JSON.parse(await readFile(configFile(), 'utf8'))).toEqual(saved)
    await session.reopen()
    expect(await readChecklistConfig(session.dir)).toEqual(saved)
  })

  it('refuses settings that make no sense and keeps the previous ones', async () => {
    await writeChecklistConfig(library.dir, { minimumWords: { min: 800 } })
    const before = await readFile(configFile(), 'utf8')
    await expect(writeChecklistConfig(library.dir, { titleLength: { min: 80, max: 20 } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('the minimum must not be above the maximum')
    })
    expect(await readFile(configFile(), 'utf8')).toBe(before)
  })

  it('refuses to run on a damaged settings file rather than quietly using other rules', async () => {
    await writeFile(configFile(), '{"minimumWords": {"min": "lots"}}')
    await expect(articleChecklist(library, article.id, today)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/review-checklist\.json.*minimumWords\.min.*delete it to use the defaults/)
    })
    await writeFile(configFile(), '{"minimumWords": ')
    await expect(readChecklistConfig(library.dir)).rejects.toMatchObject({ message: expect.stringContaining('cannot be used') })
  })
})

describe('checklist of an article', () => {
  it('passes the fixture article and says what it checked', async () => {
    const result = await articleChecklist(library, article.slug, today)
    expect(result.passed).toBe(true)
    expect(result.items.map((item) => item.id)).toEqual(['title-length', 'description-length', 'slug-unique', 'image-alt', 'faq-answers', 'promos', 'word-count'])
  })

  it('follows the library’s settings and the article as stored', async () => {
    await writeChecklistConfig(library.dir, { minimumWords: { min: 5000 }, promos: { enabled: false } })
    await library.saveArticle(article.id, { description: 'Too short.' })
    const result = await articleChecklist(library, article.id, today)
    expect(result.passed).toBe(false)
    expect(result.items.filter((item) => !item.ok).map((item) => item.id)).toEqual(['description-length', 'word-count'])
    expect(result.items.map((item) => item.id)).not.toContain('promos')
  })

  it('checks promos against the library’s promos on the given day', async () => {
    expect((await articleChecklist(library, article.id, '2031-01-01')).items.find((item) => item.id === 'promos')).toMatchObject({
      ok: false,
      message: 'The promo “Hosting 75% off” ended on 2030-12-31: choose another promo or remove the slot.'
    })
  })

  it('does not count the article’s own slug as taken, only other articles’ slugs', async () => {
    for (const fields of relatedFields()) await library.createArticle(fields)
    expect((await articleChecklist(library, article.id, today)).items.find((item) => item.id === 'slug-unique')?.ok).toBe(true)
  })
})
