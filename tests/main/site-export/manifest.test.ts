import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MANIFEST_NAME, serializeManifest, writeManifest, type Manifest } from '../../../src/main/site-export/manifest'
import { makeTempDir } from '../../support/temp-dir'

const manifest = (): Manifest => ({
  format: 1,
  profile: 'hugo',
  files: {
    'content/posts/zebra.md': { kind: 'article', sha256: 'a'.repeat(64), articleId: 'z1', title: 'Zèbre “quoted” \\ back\nslash' },
    'layouts/shortcodes/faq.html': { kind: 'kit', sha256: 'b'.repeat(64) },
    'content/posts/apple.md': { kind: 'article', sha256: 'c'.repeat(64), articleId: 'a1', title: 'Apple' },
    'static/images/apple/1.png': { kind: 'media', sha256: 'd'.repeat(64), articleId: 'a1' }
  }
})

/** What a site's git history shows: the manifest as plain pretty JSON, its files sorted by path. */
const plainPretty = (value: Manifest): string => {
  const files = Object.fromEntries(Object.keys(value.files).sort().map((path) => [path, value.files[path]]))
  return `${JSON.stringify({ format: value.format, profile: value.profile, files }, null, 2)}\n`
}

describe('the export manifest as written in the site', () => {
  it('is pretty JSON sorted by path, the same bytes however often it is written', () => {
    const value = manifest()
    expect(serializeManifest(value)).toBe(plainPretty(value))
    expect(JSON.parse(serializeManifest(value))).toEqual(value)
    // Written again after one entry was replaced, as after a re-export of one article.
    value.files['content/posts/apple.md'] = { kind: 'article', sha256: 'e'.repeat(64), articleId: 'a1', title: 'Apple, edited' }
    expect(serializeManifest(value)).toBe(plainPretty(value))
  })

  it('writes a manifest of no files as an empty object', () => {
    const empty: Manifest = { format: 1, profile: 'jekyll', files: {} }
    expect(serializeManifest(empty)).toBe(plainPretty(empty))
  })
})

describe('writing the manifest after a re-export', () => {
  it('patches the entries that changed and gives the same bytes as writing it whole', async () => {
    const temp = await makeTempDir('copydesk-manifest-')
    try {
      let last = manifest()
      await writeManifest(temp.path, last)
      const writeChanged = async (change: (files: Manifest['files']) => void, changed: string[]): Promise<void> => {
        const next: Manifest = { ...last, files: { ...last.files } }
        change(next.files)
        await writeManifest(temp.path, next, { files: last.files, changed: new Set(changed) })
        expect(await readFile(join(temp.path, MANIFEST_NAME), 'utf8')).toBe(plainPretty(next))
        last = next
      }
      const edited = (title: string) => ({ kind: 'article' as const, sha256: 'f'.repeat(64), articleId: 'a1', title })
      // One entry, then the first and the last at once, longer and shorter than they were.
      await writeChanged((files) => (files['content/posts/apple.md'] = edited('Apple, edited')), ['content/posts/apple.md'])
      await writeChanged(
        (files) => {
          files['content/posts/apple.md'] = edited('A')
          files['static/images/apple/1.png'] = { kind: 'media', sha256: '0'.repeat(64), articleId: 'a1', title: 'An image with a title «longer» than before' }
        },
        ['static/images/apple/1.png', 'content/posts/apple.md']
      )
      await writeChanged((files) => (files['content/posts/zebra.md'] = edited('Zèbre')), ['content/posts/zebra.md'])
      // A path that comes and one that goes.
      await writeChanged((files) => (files['content/posts/mango.md'] = edited('Mango')), ['content/posts/mango.md'])
      await writeChanged((files) => delete files['content/posts/zebra.md'], ['content/posts/zebra.md'])
      await writeChanged((files) => (files['content/posts/apple.md'] = edited('Apple again')), ['content/posts/apple.md'])
    } finally {
      await temp.cleanup()
    }
  })
})
