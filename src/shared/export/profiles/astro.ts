import { mediaSegment, sectionPath, slugSegment } from './paths'
import { blockKitFiles, compact, isDraft, siteDate, type SiteProfile } from './site-profile'

/**
 * Astro: `src/content/<collection>/<slug>.mdx`, with front matter named as in
 * Astro's blog template (pubDate, updatedDate, heroImage). FAQ and promo
 * blocks are the kit's components, imported at the top of the file.
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
    })
  }
}
