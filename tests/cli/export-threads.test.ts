import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SiteExportReport } from '../../src/shared/export-api'
import { exportMarkdown, profiles } from '../../src/shared/export'
import { localDay } from '../../src/shared/local-day'
import type { Library } from '../../src/main/library/library'
import { exportContext } from '../../src/main/site-export/context'
import { fixtureArticles } from '../fixtures/netflix'
import { makeTempDir } from '../support/temp-dir'
import { fixtureLibrary, manyArticles } from '../main/site-export/fixture-library'
import { runCopydesk } from './run-cli'

let temp: Awaited<ReturnType<typeof makeTempDir>>
let library: Library

beforeAll(async () => {
  temp = await makeTempDir('copydesk-cli-threads-')
  library = await fixtureLibrary(join(temp.path, 'library'), [...fixtureArticles(), ...manyArticles(1000)])
})
afterAll(async () => {
  await library.close()
  await temp.cleanup()
})

describe('the built CLI’s bulk export', () => {
  it('renders a thousand articles on the render threads it ships, byte for byte as the sources render them', async () => {
    const site = join(temp.path, 'site')
    await mkdir(site)
    // A thousand articles or more go to worker threads (render-pool): the built worker beside the built CLI.
    const run = await runCopydesk(['--library', join(temp.path, 'library'), 'export', '--all', '--to', site, '--profile', 'hugo', '--json'])
    expect(run.code, run.stderr.slice(-2000)).toBe(0)
    const report = JSON.parse(run.stdout) as SiteExportReport
    expect(report.articleCount).toBeGreaterThanOrEqual(1000)
    const { ctx, summaries } = await exportContext(library, localDay())
    for (const summary of summaries.filter((s) => s.status === 'approved' || s.status === 'published')) {
      const path = profiles.hugo.articlePath(summary, {})
      const expected = exportMarkdown(await library.getArticle(summary.id), ctx, 'hugo').content
      expect(await readFile(join(site, path), 'utf8'), path).toBe(expected)
    }
  })
})
