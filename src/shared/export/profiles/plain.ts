import { exportStylesheet } from '../html/stylesheet'
import { dirOf, mediaSegment, relativePath, sectionPath, slugSegment } from './paths'
import type { LayoutOptions } from '../types'
import { compact, isDraft, siteDate, type SiteProfile } from './site-profile'

const folder = (section: string | undefined): string => (section ? `${sectionPath(section)}/` : '')
const articleFile = (slug: string, options: LayoutOptions = {}): string =>
  options.bundle ? `${folder(options.section)}${slugSegment(slug)}/index.md` : `${folder(options.section)}${slugSegment(slug)}.md`

/**
 * Plain CommonMark for any other generator: FAQ and promo blocks are raw
 * HTML, with the FAQPage JSON-LD in a script at the end, so the file stands
 * on its own; the kit is just their stylesheet.
 */
export const plain: SiteProfile = {
  name: 'plain',
  dialect: 'commonmark',
  usesKit: false,
  articlePath: (article, options) => articleFile(article.slug, options),
  mediaTarget(article, mediaSrc, options = {}) {
    const slug = slugSegment(article.slug)
    const name = mediaSegment(mediaSrc)
    if (options.bundle) return { path: `${folder(options.section)}${slug}/${name}`, url: name }
    return { path: `${folder(options.section)}media/${slug}/${name}`, url: `media/${slug}/${name}` }
  },
  siteKit: () => [{ path: 'copydesk.css', content: exportStylesheet }],
  frontMatter(article, parts) {
    return compact({
      title: article.title,
      subtitle: article.dek,
      date: siteDate(article),
      updated: article.updatedAt,
      draft: isDraft(article),
      slug: article.slug,
      description: article.description,
      tags: article.tags,
      category: article.category,
      authors: article.authors,
      image: parts.imageUrl
    })
  },
  relatedLink: (article, related, options) => relativePath(dirOf(articleFile(article.slug, options)), articleFile(related.slug, options))
}
