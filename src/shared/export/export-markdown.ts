import { toHtml } from 'hast-util-to-html'
import type { List, RootContent } from 'mdast'
import type { Article } from '../article/article'
import { blocksByKind, convertArticle, pageJsonLd } from './convert-article'
import { jsonLdScript } from './json-ld'
import { frontMatter } from './markdown/front-matter'
import { dialects } from './markdown/dialects'
import { createMarkdownWriter, htmlBlock } from './markdown/write-markdown'
import { dirOf, relativePath } from './profiles/paths'
import { profiles } from './profiles'
import type { ExportContext, ExportResult, LayoutOptions, ProfileName } from './types'

/**
 * The article as a Markdown file for a site profile: YAML front matter, MDX
 * imports for Astro, the body, and for plain Markdown the related list and the
 * FAQPage JSON-LD. Media URLs follow the profile's layout, and `media` says
 * where to copy each file.
 */
export function exportMarkdown(article: Article, ctx: ExportContext, profileName: ProfileName, layout: LayoutOptions = {}): ExportResult {
  const profile = profiles[profileName]
  const featuredTarget = profile.featuredTarget ?? profile.mediaTarget
  const converted = convertArticle(
    article,
    ctx,
    (src) => profile.mediaTarget(article, src, layout),
    (src) => featuredTarget(article, src, layout)
  )
  const articleDir = dirOf(profile.articlePath(article, layout))
  const imports = new Map<string, string>()
  const markdown = createMarkdownWriter({
    profile: profile.name,
    dialect: dialects[profile.dialect],
    warn: converted.warn,
    component(name, kitPath) {
      imports.set(name, `import ${name} from '${relativePath(articleDir, kitPath)}'`)
      return name
    }
  })

  const tail: RootContent[] = []
  const relatedLink = profile.relatedLink
  if (relatedLink && converted.related.length) {
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: converted.related.map((entry) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: [{ type: 'link', url: relatedLink(article, entry, layout), children: [{ type: 'text', value: entry.title }] }] }]
      }))
    }
    tail.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Related articles' }] }, list)
  }
  if (!profile.usesKit) {
    for (const jsonLd of pageJsonLd(converted.blocks)) tail.push({ type: 'html', value: htmlBlock(toHtml(jsonLdScript(jsonLd))) })
  }
  const body = markdown([...converted.body, ...tail])

  const blockData = profile.usesKit
    ? Object.assign({}, ...blocksByKind(converted.blocks).map(([output, data]) => output.frontMatter?.(data, markdown) ?? {}))
    : {}
  const fields = profile.frontMatter(article, { imageUrl: converted.featuredImageUrl, blockData, related: converted.related }, layout)
  // MDX ends an import block at a blank line only.
  const rest = [[...imports.values()].join('\n'), body].filter(Boolean).join('\n\n')
  const content = `${frontMatter(fields)}${rest ? `\n${rest}\n` : ''}`
  return { content, warnings: converted.warnings, media: converted.media }
}
