import { dayOf } from '../html/dates'
import { mediaSegment, sectionPath, slugSegment } from './paths'
import { blockKitFiles, compact, isDraft, siteDate, type SiteProfile } from './site-profile'

/**
 * Jekyll: `_posts/YYYY-MM-DD-<slug>.md` (under `<section>/` when given, which
 * Jekyll reads as a category). FAQ and promo blocks are the kit's includes,
 * fed by the `faq` and `promos` front matter. Jekyll has no page bundles.
 */
export const jekyll: SiteProfile = {
  name: 'jekyll',
  dialect: 'liquid',
  usesKit: true,
  articlePath(article, options = {}) {
    const file = `_posts/${dayOf(siteDate(article))}-${slugSegment(article.slug)}.md`
    return options.section ? `${sectionPath(options.section)}/${file}` : file
  },
  mediaTarget(article, mediaSrc) {
    const path = `assets/images/${slugSegment(article.slug)}/${mediaSegment(mediaSrc)}`
    return { path, url: `/${path}` }
  },
  siteKit: () => blockKitFiles('jekyll'),
  frontMatter(article, parts) {
    return compact({
      layout: 'post',
      title: article.title,
      subtitle: article.dek,
      date: siteDate(article),
      last_modified_at: article.updatedAt,
      published: isDraft(article) ? false : null,
      slug: article.slug,
      description: article.description,
      tags: article.tags,
      categories: article.category ? [article.category] : [],
      authors: article.authors,
      image: parts.imageUrl,
      ...parts.blockData,
      related: parts.related.map(({ slug, title }) => ({ slug, title }))
    })
  }
}
