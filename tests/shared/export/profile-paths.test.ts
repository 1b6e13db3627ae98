import { posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { profileNames, profiles } from '../../../src/shared/export'
import { UserError } from '../../../src/shared/ipc/result'
import { netflixArticle } from '../../fixtures/netflix'
import { expectSafe } from './support/safe-path'

const hostileSlugs = ['../../etc/passwd', '..', '.', '/etc/passwd', 'C:\\Windows\\system32', '\\\\server\\share', 'con', 'NUL', 'a/../../b', '', '~/.ssh', 'naïve café', 'x'.repeat(500)]
const hostileMedia = [
  'media/../../../etc/passwd',
  '../../outside.jpg',
  '/etc/shadow',
  'C:\\Users\\x\\photo.jpg',
  'media/..',
  'media/.hidden',
  'media/con.jpg',
  'media/aux.tar.gz',
  'media/LPT1',
  'media/photo.',
  'media/with space & quote".jpg',
  'media/',
  ''
]
const layouts = [{}, { bundle: true }, { section: 'blog/news' }, { section: 'blog', bundle: true }]

describe('profile file layout', () => {
  it('puts the fixture where each generator expects it', () => {
    const article = netflixArticle()
    expect(profiles.hugo.articlePath(article)).toBe('content/posts/netflix-bets-big-on-generative-ai.md')
    expect(profiles.hugo.articlePath(article, { bundle: true, section: 'news' })).toBe('content/news/netflix-bets-big-on-generative-ai/index.md')
    expect(profiles.jekyll.articlePath(article)).toBe('_posts/2025-10-22-netflix-bets-big-on-generative-ai.md')
    expect(profiles.jekyll.articlePath({ ...article, publishDate: null, createdAt: '2025-09-30T23:00:00.000Z' })).toBe('_posts/2025-09-30-netflix-bets-big-on-generative-ai.md')
    expect(profiles.astro.articlePath(article)).toBe('src/content/blog/netflix-bets-big-on-generative-ai.mdx')
    expect(profiles.plain.articlePath(article, { section: 'articles' })).toBe('articles/netflix-bets-big-on-generative-ai.md')
  })

  it('puts media where each generator serves it, with the URL the article uses', () => {
    const article = netflixArticle()
    const slug = article.slug
    expect(profiles.hugo.mediaTarget(article, 'media/photo.jpg')).toEqual({ path: `static/images/${slug}/photo.jpg`, url: `/images/${slug}/photo.jpg` })
    expect(profiles.hugo.mediaTarget(article, 'media/photo.jpg', { bundle: true })).toEqual({ path: `content/posts/${slug}/photo.jpg`, url: 'photo.jpg' })
    expect(profiles.jekyll.mediaTarget(article, 'media/photo.jpg')).toEqual({ path: `assets/images/${slug}/photo.jpg`, url: `/assets/images/${slug}/photo.jpg` })
    expect(profiles.astro.mediaTarget(article, 'media/photo.jpg')).toEqual({ path: `public/images/${slug}/photo.jpg`, url: `/images/${slug}/photo.jpg` })
    expect(profiles.plain.mediaTarget(article, 'media/photo.jpg')).toEqual({ path: `media/${slug}/photo.jpg`, url: `media/${slug}/photo.jpg` })
  })

  it.each(profileNames)('%s: hostile slugs and media names never leave the site folder', (name) => {
    const profile = profiles[name]
    for (const slug of hostileSlugs) {
      const article = { ...netflixArticle(), slug }
      for (const layout of layouts) {
        expectSafe(profile.articlePath(article, layout))
        for (const src of hostileMedia) {
          const { path, url } = profile.mediaTarget(article, src, layout)
          expectSafe(path)
          // The URL names the same file: relative to the article, or from the site root.
          expect(url.split('/').includes('..'), url).toBe(false)
          expect(posix.basename(url)).toBe(posix.basename(path))
        }
      }
    }
  })

  it('keeps well-formed library media names as they are', () => {
    expect(profiles.hugo.mediaTarget(netflixArticle(), 'media/3f2a-Photo_1.final.JPG', { bundle: true }).url).toBe('3f2a-Photo_1.final.JPG')
  })

  it.each(['../up', 'a//b', 'Blog', 'a/../b', 'with space', 'con', 'c:\\x', '.hidden'])('refuses the section “%s” with a plain-words error', (section) => {
    for (const name of profileNames) {
      expect(() => profiles[name].articlePath(netflixArticle(), { section }), name).toThrow(
        expect.objectContaining({ name: 'UserError', code: 'invalid-input', message: expect.stringContaining('cannot be a section') })
      )
    }
  })

  it('reads a section typed with slashes around it as the folder it names', () => {
    expect(profiles.hugo.articlePath(netflixArticle(), { section: '/blog/news/' })).toBe('content/blog/news/netflix-bets-big-on-generative-ai.md')
  })

  it('refuses an empty section where the generator needs one', () => {
    expect(() => profiles.hugo.articlePath(netflixArticle(), { section: '' })).toThrow(UserError)
    expect(() => profiles.astro.articlePath(netflixArticle(), { section: ' ' })).toThrow(UserError)
    expect(profiles.plain.articlePath(netflixArticle(), { section: '' })).toBe('netflix-bets-big-on-generative-ai.md')
  })
})
