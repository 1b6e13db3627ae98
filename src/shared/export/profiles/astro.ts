import { dirOf, mediaSegment, relativePath, sectionPath, slugSegment } from './paths'
import { blockKitFiles, compact, isDraft, siteDate, type SiteProfile } from './site-profile'

/**
 * Astro: `src/content/<collection>/<slug>.mdx`, with front matter named as in
 * Astro's blog template (pubDate, updatedDate, heroImage) and fit for its
 * collection schema: the description it requires is always there, and the
 * hero image, which it reads with `image()`, sits under `src/assets` and is
 * named by a path relative to the article, as `image()` wants. Images in the
 * body are served as they are from `public`, as in the template's posts. FAQ
 * and promo blocks are the kit's components, imported at the top of the file.
 */
export const astro: SiteProfile = {
  name: 'astro',
  dialect: 'mdx',
  usesKit: true,
  articlePath(article, options = {}) {
    return `src/content/${sectionPath(options.section ?? 'blog')}/${slugSegment(article.slug)}.mdx`
  },
  mediaTarget(article, mediaSrc) {
    const file = `images/${slugSegment(article.slug)}/${mediaSegment(mediaSrc)}`
    return { path: `public/${file}`, url: `/${file}` }
  },
  featuredTarget(article, mediaSrc, options) {
    const path = `src/assets/images/${slugSegment(article.slug)}/${mediaSegment(mediaSrc)}`
    return { path, url: relativePath(dirOf(astro.articlePath(article, options)), path) }
  },
  siteKit: () => blockKitFiles('astro'),
  frontMatter(article, parts) {
    return compact({
      title: article.title,
      subtitle: article.dek,
      description: article.description,
      pubDate: siteDate(article),
      updatedDate: article.updatedAt,
      draft: isDraft(article),
      slug: article.slug,
      heroImage: parts.imageUrl,
      tags: article.tags,
      category: article.category,
      authors: article.authors,
      ...parts.blockData,
      related: parts.related.map(({ slug, title }) => ({ slug, title }))
    }, ['description'])
  }
}
