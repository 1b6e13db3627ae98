import { describe, expect, it, onTestFinished } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { exportOneArticle } from '../../../src/main/site-export/single-export'
import { previewSiteExport, runSiteExport } from '../../../src/main/site-export/site-export'
import type { SiteExportRequest } from '../../../src/shared/export-api'
import type { Article } from '../../../src/shared/article/article'
import { editor } from '../../shared/review/actors'
import { makeTempDir } from '../../support/temp-dir'
import { useTempLibrary } from './temp-library'
import { moveTo, netflixDraft, today } from './review-setup'

let library: Library
let article: Article
const session = useTempLibrary(async (opened) => {
  library = opened
  article = await netflixDraft(opened)
  await moveTo(opened, article.id, ['in-review', 'approved'])
})

const rowOf = async (id: string) => (await library.listArticles({})).find((hit) => hit.id === id)!

describe('an approved article edited afterwards', () => {
  it('is marked edited since approval in its list row, and its single export warns', async () => {
    expect((await rowOf(article.id)).editedSinceApproval).toBeUndefined()
    expect((await exportOneArticle(library, { id: article.id, format: 'html' }, today)).warnings.map((w) => w.kind)).not.toContain('edited-since-approval')

    await library.saveArticle(article.id, { title: `${article.title}, revised` }, { by: editor })
    expect((await rowOf(article.id)).editedSinceApproval).toBe(true)
    const warnings = (await exportOneArticle(library, { id: article.id, format: 'markdown', profile: 'hugo' }, today)).warnings
    expect(warnings[0]).toMatchObject({ kind: 'edited-since-approval', articleId: article.id })
    expect(warnings[0]!.message).toContain('edited after it was approved')
    // The mark survives a restart: it lives in the index and is derived from the file.
    expect((await (await session.reopen()).listArticles({})).find((hit) => hit.id === article.id)?.editedSinceApproval).toBe(true)
  })

  it('is named in the site export’s dry run and in its report, and only while its text differs from what was approved', async () => {
    const site = await makeTempDir('copydesk-approved-site-')
    onTestFinished(() => site.cleanup())
    const request: SiteExportRequest = { siteDir: site.path, profile: 'hugo', statuses: ['approved'], siteKit: false }
    const editedWarnings = async (): Promise<string[][]> => {
      const plan = await previewSiteExport(library, request, { today })
      const report = await runSiteExport(library, request, { today })
      return [plan, report].map(({ warnings }) => warnings.filter((w) => w.kind === 'edited-since-approval').map((w) => `${w.articleId}: ${w.message}`))
    }
    expect(await editedWarnings()).toEqual([[], []])

    await library.saveArticle(article.id, { dek: 'A dek nobody approved.' }, { by: editor })
    const [planned, reported] = await editedWarnings()
    expect(planned).toHaveLength(1)
    expect(planned![0]).toMatch(new RegExp(`^${article.id}: “${article.title}” was edited after it was approved`))
    expect(reported).toEqual(planned)

    await library.saveArticle(article.id, { dek: article.dek }, { by: editor })
    expect(await editedWarnings()).toEqual([[], []])
  })

  it('is not marked for a comment or for a save that puts the approved text back', async () => {
    await library.saveArticle(article.id, { comments: [] })
    expect((await rowOf(article.id)).editedSinceApproval).toBeUndefined()
    await library.saveArticle(article.id, { dek: 'Something else' })
    expect((await rowOf(article.id)).editedSinceApproval).toBe(true)
    await library.saveArticle(article.id, { dek: article.dek })
    expect((await rowOf(article.id)).editedSinceApproval).toBeUndefined()
  })

  it('goes back to review, with the step recorded, when the library’s setting says so', async () => {
    const saved = await library.saveArticle(article.id, { dek: 'A new dek nobody approved.' }, { by: editor, reopenApproved: () => Promise.resolve(true) })
    expect(saved.status).toBe('in-review')
    expect(saved.dek).toBe('A new dek nobody approved.')
    expect(saved.statusHistory?.at(-1)).toMatchObject({ from: 'approved', to: 'in-review', by: editor })
    expect(saved.statusHistory?.at(-1)?.note).toContain('Edited after approval')
    const [newest] = await library.listRevisions(article.id)
    expect(newest).toMatchObject({ kind: 'status', status: 'in-review', author: editor.name })
    // Without the setting the article stays approved, marked.
    await moveTo(library, article.id, ['approved'])
    expect((await library.saveArticle(article.id, { dek: 'Again.' }, { by: editor })).status).toBe('approved')
  })
})
