import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary, type Library } from '../../src/main/library/library'
import { makeTempDir } from '../support/temp-dir'
import { runCopydesk } from './run-cli'

let temp: Awaited<ReturnType<typeof makeTempDir>>
let app: Library
beforeAll(async () => {
  temp = await makeTempDir('copydesk-both-')
  app = await openLibrary(temp.path)
})
afterAll(async () => {
  await app.close()
  await temp.cleanup()
})

describe('the app and the CLI on one library', () => {
  it('lose nothing when both write at once, even to the same articles', async () => {
    const articles = await Promise.all(['One', 'Two', 'Three'].map((title) => app.createArticle({ title })))
    const cli = Promise.all([
      ...articles.map((a) => runCopydesk(['--library', temp.path, 'status', a.id, 'in-review', '--as', 'Hajra Naz:writer'])),
      runCopydesk(['--library', temp.path, 'new', '--title', 'From the CLI A']),
      runCopydesk(['--library', temp.path, 'new', '--title', 'From the CLI B'])
    ])
    let running = true
    void cli.finally(() => (running = false))
    let n = 0
    // The app keeps saving a field the CLI does not touch for as long as the CLI runs.
    while (running || n < 30) {
      n++
      await app.saveArticle(articles[n % 3]!.id, { dek: `app save ${n}` })
    }
    for (const run of await cli) expect(run, run.stderr).toMatchObject({ code: 0 })

    const check = async (library: Library): Promise<void> => {
      for (const [i, a] of articles.entries()) {
        const last = [n, n - 1, n - 2].find((k) => k % 3 === i)!
        expect(await library.getArticle(a.id)).toMatchObject({ status: 'in-review', dek: `app save ${last}` })
      }
      const titles = (await library.listArticles({ sort: 'title' })).map((h) => h.title)
      expect(titles).toEqual(['From the CLI A', 'From the CLI B', 'One', 'Three', 'Two'])
      expect((await library.listArticles({ status: 'in-review' })).length).toBe(3)
    }
    await check(app)
    await app.close()
    app = await openLibrary(temp.path)
    expect(app.info().notices).toEqual([])
    await check(app)
  }, 60_000)
})
