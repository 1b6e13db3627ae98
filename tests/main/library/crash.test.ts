import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyText } from '../../../src/shared/article/body'
import { openLibrary } from '../../../src/main/library/library'
import { makeTempDir } from '../../support/temp-dir'

const KILLS = 100
let temp: Awaited<ReturnType<typeof makeTempDir>>
let writer: string

beforeAll(async () => {
  temp = await makeTempDir('copydesk-crash-')
  // One bundled file starts in a fraction of the time tsx needs, which keeps a hundred runs quick.
  writer = join(temp.path, 'crash-writer.cjs')
  await build({ entryPoints: [join(import.meta.dirname, 'crash-writer.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: writer, logLevel: 'error' })
})
afterAll(() => temp.cleanup())

/** Runs the writer until it has acknowledged a save, lets it go on for a random moment, then SIGKILLs it. */
function runAndKill(dir: string, first: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let scheduled = false
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!scheduled && out.includes('\nack ')) {
        scheduled = true
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 40)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`writer stopped on its own: ${err}`))))
  })
}

describe('crash safety', () => {
  it(`keeps every acknowledged save when the writer is killed at random moments, ${KILLS} times`, async () => {
    const dir = join(temp.path, 'library')
    const acknowledged = new Map<string, number>()
    let first = 1
    for (let kill = 0; kill < KILLS; kill++) {
      const out = await runAndKill(dir, first)
      for (const line of out.split('\n')) {
        const match = /^ack (\S+) (\d+)$/.exec(line)
        if (match) acknowledged.set(match[1]!, Math.max(acknowledged.get(match[1]!) ?? 0, Number(match[2])))
      }
      first += 1000

      const library = await openLibrary(dir, 'existing', { indexNow: false })
      try {
        const listed = new Map((await library.listArticles({})).map((hit) => [hit.id, hit]))
        for (const [id, n] of acknowledged) {
          const article = await library.getArticle(id)
          const stored = Number(/^save (\d+)$/.exec(article.dek)?.[1])
          // The acknowledged save, or a later one that reached the disk just before the kill.
          expect(stored, `article ${id} after kill ${kill}`).toBeGreaterThanOrEqual(n)
          expect(article.title).toBe(`Save ${stored}`)
          expect(bodyText(article.body)).toBe(`Body of save ${stored}.`)
          expect(listed.get(id)?.title, 'the index agrees with the file').toBe(article.title)
        }
        expect(library.info().notices.filter((notice) => !notice.startsWith('The library index was missing'))).toEqual([])
      } finally {
        await library.close()
      }
    }
    expect(acknowledged.size).toBeGreaterThan(3)
  }, 120_000)
})
