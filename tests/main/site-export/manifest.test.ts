import { describe, expect, it } from 'vitest'
import { serializeManifest, type Manifest } from '../../../src/main/site-export/manifest'

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
