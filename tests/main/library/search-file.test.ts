import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, describe, expect, it } from 'vitest'
import { readSearchFile, writeSearchFile } from '../../../src/main/library/search-file'
import { SearchIndex } from '../../../src/main/library/search-index'

setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
/** Typed-array storage still held once garbage is collected (buffers are freed after a collection, so twice, a turn apart). */
async function heldBuffers(): Promise<number> {
  collectGarbage()
  await nextTurn()
  collectGarbage()
  return process.memoryUsage().arrayBuffers
}

/** `count` articles of 500 words each from a vocabulary of 1,000, and no tags: many postings, few words, as a big library's file is. */
function bigIndex(count: number): SearchIndex {
  const index = SearchIndex.empty()
  for (let doc = 0; doc < count; doc++) {
    const text = Array.from({ length: 500 }, (_, i) => `w${(doc * 7 + i * 13) % 1000}`).join(' ')
    index.upsert(`article-${doc}`, 'v1', { title: `Title ${doc}`, tags: '', text })
  }
  return index
}

describe('the saved search file', () => {
  const dir = mkdtemp(join(tmpdir(), 'copydesk-search-file-'))
  afterAll(async () => rm(await dir, { recursive: true, force: true }))

  it('is searched from disk: reading it back holds the words and row starts, not the postings (and an empty field does not spoil it)', async () => {
    const file = join(await dir, 'copydesk-library.search')
    const built = bigIndex(4000)
    await writeSearchFile(file, built.snapshot())
    const { size } = await stat(file)
    expect(size).toBeGreaterThan(8_000_000)

    const before = await heldBuffers()
    const saved = await readSearchFile(file)
    const held = (await heldBuffers()) - before
    try {
      expect(saved).not.toBeNull()
      expect(held).toBeLessThan(size / 4)
      for (const query of ['w12', 'w99 w100', 'w5', 'title 3999']) {
        expect(saved!.search(query, () => true), query).toEqual(built.search(query, () => true))
      }
    } finally {
      saved?.close()
    }
  })
})
