import { basename, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { firstLoadScripts } from '../support/renderer-build'

// `npm test` builds the app before Vitest runs; COPYDESK_OUT_DIR points at a build made elsewhere, as for the e2e harness.
const rendererDir = resolve(import.meta.dirname, '../..', process.env['COPYDESK_OUT_DIR'] ?? 'out', 'renderer')
const FIRST_LOAD_LIMIT = 1_000_000

describe('the built renderer', () => {
  it('has the window parse under 1 MB of JavaScript before it shows the library; the editor, dialogs and review panels come later', async () => {
    const first = await firstLoadScripts(rendererDir)
    expect(first.bytes, `the window loads ${first.files.join(', ')} first`).toBeLessThan(FIRST_LOAD_LIMIT)
    // The rest is split off, not dropped: the app as a whole is bigger than what it loads first.
    expect(first.allBytes).toBeGreaterThan(first.bytes * 1.5)
    // The library's list needs neither the open article's workspace nor the schema library its checks use.
    expect(first.files.filter((file) => /\/(zod|ArticleWorkspace|ArticleEditor)-[^/]*\.js$/.test(file))).toEqual([])
  })

  it('has the window fetch only the entry and the bundler\'s helpers before its first script runs: React\'s JSX runtime is in the entry', async () => {
    const first = await firstLoadScripts(rendererDir)
    // Each more file is one more request main answers, between its answers to the window's calls, before the entry can run.
    expect(first.files.map((file) => basename(file).replace(/-[\w-]{8}\.js$/, ''))).toEqual(['index', 'rolldown-runtime'])
  })
})
