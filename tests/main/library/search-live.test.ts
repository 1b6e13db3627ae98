import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryInfo } from '../../../src/shared/library-api'
import { openLibrary, type Library } from '../../../src/main/library/library'
import { followLibraryChanges, switchLibrary } from '../../../src/main/library/switch-library'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { runCopydesk } from '../../cli/run-cli'
import { makeTempDir } from '../../support/temp-dir'
import { netflixFields } from './temp-library'

let temp: Awaited<ReturnType<typeof makeTempDir>>
const opened: Library[] = []
beforeAll(async () => {
  temp = await makeTempDir('copydesk-live-')
})
afterAll(async () => {
  for (const library of opened) await library.close()
  await temp.cleanup()
})

async function appLibrary(name: string): Promise<Library> {
  const library = await openLibrary(join(temp.path, name))
  opened.push(library)
  return library
}

async function cli(dir: string, ...args: string[]): Promise<void> {
  const run = await runCopydesk(['--library', dir, ...args])
  expect(run, run.stderr).toMatchObject({ code: 0 })
}

/** Collects the change events a subscription delivers; `until` waits for one that passes `test`. */
function listen(subscribe: (listener: (info: LibraryInfo) => void) => void) {
  const events: LibraryInfo[] = []
  const waiting: { test: (info: LibraryInfo) => boolean; resolve: (info: LibraryInfo) => void }[] = []
  subscribe((info) => {
    events.push(info)
    for (const waiter of waiting.filter((w) => w.test(info))) {
      waiting.splice(waiting.indexOf(waiter), 1)
      waiter.resolve(info)
    }
  })
  return {
    events,
    until: (test: (info: LibraryInfo) => boolean, after = 0): Promise<LibraryInfo> =>
      new Promise((resolve) => {
        const seen = events.slice(after).find(test)
        if (seen) resolve(seen)
        else waiting.push({ test, resolve })
      })
  }
}

describe('following changes the CLI makes while the app has the library open', { timeout: 120_000 }, () => {
  it('hears of new and changed articles, with search caught up, and not of its own saves', async () => {
    const library = await appLibrary('articles')
    const own = await library.createArticle(netflixFields())
    await library.searchReady()
    const heard = listen((listener) => library.onChange(listener))
    await library.saveArticle(own.id, { dek: 'Edited in the app.' })

    await cli(library.dir, 'new', '--title', 'Pangolin diaries')
    await heard.until((info) => info.articleCount === 2)
    expect(heard.events.every((info) => info.articleCount === 2), 'its own save was announced').toBe(true)
    expect((await library.listArticles({ query: 'pangolin' })).map((hit) => hit.title)).toEqual(['Pangolin diaries'])

    const before = heard.events.length
    await cli(library.dir, 'status', own.id, 'in-review', '--as', 'Hajra Naz:writer')
    await heard.until(() => true, before)
    expect((await library.listArticles({ status: 'in-review', query: 'netflix' })).map((hit) => hit.id)).toEqual([own.id])
  })

  it('hears of promos the CLI adds', async () => {
    const library = await appLibrary('promos')
    const heard = listen((listener) => library.onChange(listener))
    await cli(library.dir, 'promo', 'add', '--name', 'Spring sale', '--headline', 'Half off', '--url', 'https://example.com/sale', '--cta', 'Shop now')
    await heard.until((info) => info.path === library.dir)
    expect((await library.listPromos()).map((p) => p.promo.name)).toEqual(['Spring sale'])
  })

  it('follows whichever library is open, after the app opens another', async () => {
    const [first, second, userData] = ['first', 'second', 'user-data'].map((name) => join(temp.path, name)) as [string, string, string]
    await mkdir(userData)
    const services = { settings: await openSettingsStore(userData), library: await openLibrary(first) }
    const heard = listen((listener) => followLibraryChanges(services, listener))
    await switchLibrary(services, second)
    opened.push(services.library)

    await cli(first, 'new', '--title', 'Written to the library no longer open')
    await cli(second, 'new', '--title', 'Written to the open library')
    await heard.until((info) => info.path === resolve(second) && info.articleCount === 1)
    expect(heard.events.map((info) => info.path)).not.toContain(resolve(first))
  })
})
