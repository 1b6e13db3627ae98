import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { LayoutOptions } from '../../../src/shared/export'
import { profiles } from '../../../src/shared/export'
import type { ArticleSource } from '../../../src/main/library/article-source'
import type { Library } from '../../../src/main/library/library'
import { exportContext } from '../../../src/main/site-export/context'
import type { ArticleTarget, RenderSetup } from '../../../src/main/site-export/render-article'
import { fixtureArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { fixtureLibrary, manyArticles } from './fixture-library'

export interface RenderFixture {
  library: Library
  /** Hugo, not staging; a test stages with `{ ...setup, stage: true }`. */
  setup: RenderSetup
  sources: ArticleSource[]
  /** Where each article's file goes in the empty site, as the export plans it. */
  targetOf(source: ArticleSource): ArticleTarget
  site: string
}

/** For the file's tests: the fixture articles plus `extra` copies in a real library, and an empty site whose article folder exists. */
export function useRenderFixture(extra: number, layout: LayoutOptions = {}): RenderFixture {
  const fixture = {} as RenderFixture
  let cleanup = async (): Promise<void> => undefined
  beforeAll(async () => {
    const temp = await makeTempDir('copydesk-render-')
    cleanup = temp.cleanup
    const library = await fixtureLibrary(join(temp.path, 'library'), [...fixtureArticles(), ...manyArticles(extra)])
    const { ctx, summaries } = await exportContext(library, '2025-11-01')
    const site = join(temp.path, 'site')
    const targets = new Map(
      summaries.map((summary) => {
        const path = profiles.hugo.articlePath(summary, layout)
        return [summary.id, { path, file: join(site, path) }]
      })
    )
    await mkdir(join(site, profiles.hugo.articlePath(summaries[0]!, layout), '..'), { recursive: true })
    Object.assign(fixture, {
      library,
      setup: { ctx, profile: 'hugo', layout, siteRealRoot: site, stage: false },
      sources: [...(await library.articleSources()).values()],
      targetOf: (source: ArticleSource) => targets.get(source.id)!,
      site
    } satisfies RenderFixture)
  })
  afterAll(async () => {
    await fixture.library?.close()
    await cleanup()
  })
  return fixture
}
