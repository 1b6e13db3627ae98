import { spawnSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../src/shared/article/article'
import type { PromoWithUsage, SearchHit } from '../../src/shared/library-api'
import { tinyPng } from '../main/site-export/fixture-library'
import { makeTempDir } from '../support/temp-dir'
import { builtCli, runCopydesk } from './run-cli'

let temp: Awaited<ReturnType<typeof makeTempDir>>
let dir: string
const cli = (...args: string[]) => runCopydesk(['--library', dir, ...args])
const oneCleanLine = (stderr: string): void => {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).toMatch(/^copydesk: \S/)
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/)
}

beforeAll(async () => {
  temp = await makeTempDir('copydesk-cli-')
  dir = join(temp.path, 'library')
})
afterAll(() => temp.cleanup())

describe('copydesk library commands', { timeout: 120_000 }, () => {
  it('refuses to work on a folder that is not a library, in one line', async () => {
    const run = await cli('list')
    expect(run.code).toBe(1)
    oneCleanLine(run.stderr)
    expect(run.stderr).toContain('init')
  })

  it('starts a library, creates an article and lists it, also as JSON', async () => {
    expect((await cli('init')).stdout).toContain('Library ready at')
    const created = await cli('new', '--title', 'Netflix Bets Big on Generative AI')
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('netflix-bets-big-on-generative-ai') })
    await cli('new', '--title', 'Second story')
    const json = await cli('list', '--json')
    const hits = JSON.parse(json.stdout) as SearchHit[]
    expect(hits.map((h) => h.title).sort()).toEqual(['Netflix Bets Big on Generative AI', 'Second story'])
    expect((await cli('list')).stdout).toMatch(/Draft .* netflix-bets-big-on-generative-ai {2}Netflix Bets Big on Generative AI/)
  })

  it('changes a status by slug and filters the list by it', async () => {
    const run = await cli('status', 'second-story', 'in-review', '--as', 'Hajra Naz:writer')
    expect(run).toMatchObject({ code: 0, stdout: '“Second story” is now In review.\n' })
    const hits = JSON.parse((await cli('list', '--status', 'in-review', '--json')).stdout) as SearchHit[]
    expect(hits.map((h) => h.slug)).toEqual(['second-story'])
    const shown = JSON.parse((await cli('show', 'second-story', '--json')).stdout) as Article
    expect(shown).toMatchObject({ formatVersion: 1, status: 'in-review', slug: 'second-story' })
  })

  it('searches and shows articles', async () => {
    const hits = JSON.parse((await cli('search', 'generative', '--json')).stdout) as SearchHit[]
    expect(hits.map((h) => h.slug)).toEqual(['netflix-bets-big-on-generative-ai'])
    expect((await cli('show', 'netflix-bets-big-on-generative-ai')).stdout).toMatch(/^Netflix Bets Big on Generative AI\nDraft · netflix-bets-big-on-generative-ai · /)
  })

  it('imports a UTF-16 file saved with a byte-order mark (Windows “Unicode” text) as text', async () => {
    const file = join(temp.path, 'unicode-post.md')
    const text = '---\ntitle: Crème brûlée\n---\n\nÜber “quotes”.\n'
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    expect((await cli('init')).code).toBe(0)
    const run = await cli('import', file)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^Imported unicode-post\.md as “Crème brûlée”/)
    const shown = await cli('show', 'creme-brulee', '--json')
    expect(JSON.stringify((JSON.parse(shown.stdout) as Article).body)).toContain('Über “quotes”.')
  })

  it('copies an imported post’s images from beside it into the media folder, and says which it could not find', async () => {
    const post = join(temp.path, 'hugo-post')
    await mkdir(post)
    await writeFile(join(post, 'train.png'), tinyPng)
    await writeFile(join(post, 'index.md'), '---\ntitle: Night train\n---\n\n![The train](train.png)\n\n![Lost](lost.jpg)\n')
    expect((await cli('init')).code).toBe(0)
    const run = await cli('import', join(post, 'index.md'))
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('  note: The image “lost.jpg” was not found beside the imported file: its address is kept as written')
    const body = JSON.stringify((JSON.parse((await cli('show', 'night-train', '--json')).stdout) as Article).body)
    const copied = /"src":"(media\/[0-9a-f]+-train\.png)"/.exec(body)?.[1]
    expect(copied).toBeDefined()
    expect(await readFile(join(dir, copied!))).toEqual(tinyPng)
    expect(body).toContain('"src":"lost.jpg"')
  })

  it('refuses files it cannot import in one plain line that names each once, and imports the rest', async () => {
    const empty = join(temp.path, 'empty.md')
    const docx = join(temp.path, 'notes.docx')
    const good = join(temp.path, 'fine.md')
    await writeFile(empty, '')
    await writeFile(docx, 'just text')
    await writeFile(good, '---\ntitle: Fine at last\n---\n\nIt reads well.\n')
    expect((await cli('init')).code).toBe(0)
    const run = await cli('import', empty, docx, good)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^Imported fine\.md as “Fine at last”/)
    oneCleanLine(run.stderr)
    expect(run.stderr).toBe(
      'copydesk: 2 of 3 files were not imported: empty.md: the file is empty. | notes.docx: it is not a Word document (.docx): the file is not a readable .docx package.\n'
    )
  })

  it('stops quietly when the reader of its output stops early, as `copydesk show … | head -c 1` does', async () => {
    const long = join(temp.path, 'long.md')
    await writeFile(long, `---\ntitle: A long read\n---\n\n${'Every word counts in this long read. '.repeat(40).concat('\n\n').repeat(150)}`)
    expect((await cli('import', long)).code).toBe(0)
    // The article's JSON is far larger than a pipe holds, so most of it is written after head has gone.
    const piped = spawnSync('bash', ['-o', 'pipefail', '-c', 'node "$0" --library "$1" show a-long-read --json | head -c 1', builtCli, dir], { encoding: 'utf8' })
    expect(piped.stdout).toBe('{')
    expect(piped.stderr).toBe('')
    expect(piped.status).toBe(0)
  })

  it('answers bad input with exit 1 and one plain line', async () => {
    for (const args of [['status', 'second-story', 'done'], ['show', 'no-such-story'], ['promo', 'add', '--name', 'X', '--headline', 'Y', '--url', 'javascript:alert(1)', '--cta', 'Go']]) {
      const run = await cli(...args)
      expect(run.code, args.join(' ')).toBe(1)
      oneCleanLine(run.stderr)
    }
  })

  it('adds and lists promos', async () => {
    const added = await cli('promo', 'add', '--name', 'Hosting 75% off', '--headline', 'Hosting 75% off', '--url', 'https://hosting.example.com/deal', '--cta', 'Claim the deal', '--until', '2030-12-31')
    expect(added.code).toBe(0)
    const promos = JSON.parse((await cli('promo', 'list', '--json')).stdout) as PromoWithUsage[]
    expect(promos).toMatchObject([{ promo: { name: 'Hosting 75% off', label: 'Sponsored', activeUntil: '2030-12-31' }, usedBy: [] }])
    expect((await cli('promo', 'list')).stdout).toMatch(/active +Hosting 75% off +\(0 articles\)/)
  })
})
