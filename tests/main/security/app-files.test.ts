import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appFiles } from '../../../src/main/security/app-files'
import { appEntryUrl } from '../../../src/main/security/app-scheme'
import { makeTempDir } from '../../support/temp-dir'

let temp: { path: string; cleanup: () => Promise<void> }
let renderer: string

// As Vite writes the built page: the entry script, its module preloads and the stylesheet, all under ./assets/.
const page = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/runtime-b2.js">
<link rel="stylesheet" crossorigin href="./assets/index-c3.css">
<link rel="modulepreload" crossorigin href="./assets/leak.js">
</head><body><div id="root"></div></body></html>`

beforeEach(async () => {
  temp = await makeTempDir('copydesk-app-files-')
  renderer = join(temp.path, 'out/renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), page)
  await writeFile(join(renderer, 'assets/index-a1.js'), 'export const entry = 1')
  await writeFile(join(renderer, 'assets/runtime-b2.js'), 'export const runtime = 2')
  await writeFile(join(renderer, 'assets/index-c3.css'), 'body{}')
  await writeFile(join(renderer, 'assets/Editor-d4.js'), 'export const later = 4')
  await writeFile(join(temp.path, 'out/secret.txt'), 'not the renderer’s')
  await symlink(join(temp.path, 'out/secret.txt'), join(renderer, 'assets/leak.js'))
})
afterEach(() => temp.cleanup())

const text = async (files: ReturnType<typeof appFiles>, path: string): Promise<string | null> =>
  (await files.get(`copydesk://app/${path}`))?.body.toString('utf8') ?? null

describe('the renderer files main serves', () => {
  it('reads the page and the files it loads first as the app starts, and answers them from memory', async () => {
    const files = appFiles(renderer)
    await files.warm(appEntryUrl)
    // Gone from disk now: only what was read at the start can still be answered.
    await rm(join(renderer, 'assets'), { recursive: true })
    await rm(join(renderer, 'index.html'))
    expect(await text(files, 'index.html')).toBe(page)
    expect(await text(files, 'assets/index-a1.js')).toBe('export const entry = 1')
    expect(await text(files, 'assets/runtime-b2.js')).toBe('export const runtime = 2')
    expect(await text(files, 'assets/index-c3.css')).toBe('body{}')
    expect((await files.get('copydesk://app/assets/index-c3.css'))?.headers).toMatchObject({ 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff' })
    // A chunk loaded later is read when asked for, never kept from the start.
    expect(await text(files, 'assets/Editor-d4.js')).toBeNull()
  })

  it('keeps the same rules as reading on request: a link out of the folder named by the page is not served', async () => {
    const files = appFiles(renderer)
    await files.warm(appEntryUrl)
    expect(await files.get('copydesk://app/assets/leak.js')).toBeNull()
    expect(await files.get('copydesk://elsewhere/index.html')).toBeNull()
  })

  it('reads a file on request when nothing was kept, and looks again for one missing at the start', async () => {
    await rm(join(renderer, 'assets/runtime-b2.js'))
    const files = appFiles(renderer)
    await files.warm(appEntryUrl)
    expect(await text(files, 'assets/runtime-b2.js')).toBeNull()
    await writeFile(join(renderer, 'assets/runtime-b2.js'), 'export const runtime = 3')
    expect(await text(files, 'assets/runtime-b2.js')).toBe('export const runtime = 3')
    expect(await text(files, 'assets/Editor-d4.js')).toBe('export const later = 4')
  })
})
