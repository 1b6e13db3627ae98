import { mediaSegment, sectionPath, slugSegment } from './paths'
import { blockKitFiles, compact, isDraft, siteDate, type SiteProfile } from './site-profile'

const folder = (section: string | undefined): string => `content/${sectionPath(section ?? 'posts')}`

/**
 * Hugo: `content/<section>/<slug>.md`, or a page bundle `<slug>/index.md`
 * with the article's images beside it. FAQ and promo blocks are the kit's
 * shortcodes, fed by the `faq` and `promos` front matter.
 */
export const hugo: SiteProfile = {
  name: 'hugo',
  dialect: 'hugo',
  usesKit: true,
  articlePath(article, options = {}) {
    const slug = slugSegment(article.slug)
    return options.bundle ? `${folder(options.section)}/${slug}/index.md` : `${folder(options.section)}/${slug}.md`
  },
  mediaTarget(article, mediaSrc, options = {}) {
    const slug = slugSegment(article.slug)
    const name = mediaSegment(mediaSrc)
    if (options.bundle) return { path: `${folder(options.section)}/${slug}/${name}`, url: name }
    return { path: `static/images/${slug}/${name}`, url: `/images/${slug}/${name}` }
  },
  siteKit: () => blockKitFiles('hugo'),
  frontMatter(article, parts, options = {}) {
    // Hugo's Open Graph and schema templates resolve `images` from the site root, not the bundle.
    const image = parts.imageUrl && options.bundle ? `/${sectionPath(options.section ?? 'posts')}/${slugSegment(article.slug)}/${parts.imageUrl}` : parts.imageUrl
    return compact({
      title: article.title,
      subtitle: article.dek,
      date: siteDate(article),
      lastmod: article.updatedAt,
      draft: isDraft(article),
      slug: article.slug,
      description: article.description,
      tags: article.tags,
      categories: article.category ? [article.category] : [],
      authors: article.authors,
      images: image ? [image] : [],
      ...parts.blockData,
      related: parts.related.map(({ slug, title }) => ({ slug, title }))
    })
  }
}
