import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { profiles } from '../../src/shared/export'
import type { ArticleSource } from '../../src/main/library/article-source'
import type { Library } from '../../src/main/library/library'
import { exportContext } from '../../src/main/site-export/context'
import { sha256 } from '../../src/main/site-export/manifest'
import type { ArticleTarget, RenderSetup } from '../../src/main/site-export/render-article'
import { inThisThread, RenderPool, useRenderWorker } from '../../src/main/site-export/render-pool'
import { fixtureArticles } from '../fixtures/netflix'
import { makeTempDir } from '../support/temp-dir'
import { fixtureLibrary, manyArticles } from '../main/site-export/fixture-library'

/**
 * The app renders big exports on the render thread electron-vite bundled
 * (out/main/chunks/render-worker-*.js), not on the TypeScript sources the
 * other tests load. This runs that bundle as the app does.
 */
const outDir = resolve(import.meta.dirname, '../..', process.env['COPYDESK_OUT_DIR'] ?? 'out')

let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let setup: RenderSetup
let sources: ArticleSource[]
let targets: Map<string, ArticleTarget>
let site: string
beforeAll(async () => {
  const chunks = join(outDir, 'main/chunks')
  const bundled = (await readdir(chunks)).find((name) => /^render-worker-.*\.js$/.test(name))
  expect(bundled, 'the build has a render worker chunk').toBeDefined()
  useRenderWorker(join(chunks, bundled!))
  temp = await makeTempDir('copydesk-render-bundle-')
  library = await fixtureLibrary(join(temp.path, 'library'), [...fixtureArticles(), ...manyArticles(12)])
  const { ctx, summaries } = await exportContext(library, '2025-11-01')
  site = join(temp.path, 'site')
  await mkdir(join(site, 'content/posts'), { recursive: true })
  setup = { ctx, profile: 'hugo', layout: {}, siteRealRoot: site, stage: true }
  sources = [...(await library.articleSources()).values()]
  targets = new Map(
    summaries.map((summary) => {
      const path = profiles.hugo.articlePath(summary)
      return [summary.id, { path, file: join(site, path) }]
    })
  )
})
afterAll(async () => {
  await library.close()
  await temp.cleanup()
})

describe('the bundled render worker', () => {
  it('renders and stages every article exactly as the sources do in this thread', async () => {
    const pool = new RenderPool(setup, 2)
    try {
      const threaded = await Promise.all(sources.map((source) => pool.render(source, targets.get(source.id)!)))
      const here = await Promise.all(sources.map((source) => inThisThread({ ...setup, stage: false }).render(source, targets.get(source.id)!)))
      expect(threaded.map(({ temp: _staged, ...rest }) => rest)).toEqual(here)
      for (const [index, rendered] of threaded.entries()) {
        expect(rendered.action).toBe('add')
        // The staged bytes are the ones this thread's export core renders.
        expect(sha256(await readFile(rendered.temp!))).toBe(here[index]!.sha256)
      }
    } finally {
      await pool.close()
    }
  })
})
