import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../../src/main/site-export/manifest'
import { inThisThread, RenderPool } from '../../src/main/site-export/render-pool'
import { useBundledThread } from '../../src/main/threads/start-thread'
import { useRenderFixture } from '../main/site-export/render-fixture'

/**
 * The app renders big exports on the render thread electron-vite bundled
 * (out/main/chunks/render-worker-*.js), not on the TypeScript sources the
 * other tests load. This runs that bundle as the app does.
 */
const outDir = resolve(import.meta.dirname, '../..', process.env['COPYDESK_OUT_DIR'] ?? 'out')
const fixture = useRenderFixture(12)

beforeAll(async () => {
  const chunks = join(outDir, 'main/chunks')
  const bundled = (await readdir(chunks)).find((name) => /^render-worker-.*\.js$/.test(name))
  expect(bundled, 'the build has a render worker chunk').toBeDefined()
  useBundledThread('render', join(chunks, bundled!))
})

describe('the bundled render worker', () => {
  it('renders and stages every article exactly as the sources do in this thread', async () => {
    const { setup, sources, targetOf } = fixture
    const pool = new RenderPool({ ...setup, stage: true }, 2)
    try {
      const threaded = await Promise.all(sources.map((source) => pool.render(source, targetOf(source))))
      const here = await Promise.all(sources.map((source) => inThisThread(setup).render(source, targetOf(source))))
      expect(threaded.map(({ temp: _staged, stamp: _stamped, ...rest }) => rest)).toEqual(here)
      for (const [index, rendered] of threaded.entries()) {
        expect(rendered.action).toBe('add')
        // The staged bytes are the ones this thread's export core renders, and the stamp is the staged file's.
        const staged = await readFile(rendered.temp!)
        expect(sha256(staged)).toBe(here[index]!.sha256)
        expect(rendered.stamp?.size).toBe(staged.length)
      }
    } finally {
      await pool.close()
    }
  })
})
