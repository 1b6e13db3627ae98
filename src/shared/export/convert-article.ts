import type { RootContent } from 'mdast'
import type { Article, ArticleMeta } from '../article/article'
import { blockOutputs } from '../blocks/outputs'
import { stripReview } from '../review/strip-review'
import type { AnyBlockOutput } from './block-output'
import { createBodyConverter } from './mdast/body-to-mdast'
import type { ExportContext, ExportWarning, ExportWarningKind, MediaFile } from './types'

const outputsByNode = new Map(blockOutputs.map((output) => [output.node, output]))

export interface ConvertedArticle {
  body: RootContent[]
  /** Each custom block kind's kept blocks, in document order. */
  blocks: Map<AnyBlockOutput, unknown[]>
  related: Pick<ArticleMeta, 'id' | 'slug' | 'title'>[]
  /** The featured image's URL in this output, when there is one. */
  featuredImageUrl: string | null
  media: MediaFile[]
  warnings: ExportWarning[]
  warn(kind: ExportWarningKind, message: string): void
}

type MediaTarget = (src: string) => Omit<MediaFile, 'src'>

/**
 * The part both outputs share: the body as accepted so far (pending
 * suggested insertions left out, suggested deletions kept, comments gone) as
 * mdast, its custom blocks resolved against the context, media mapped to their
 * output URLs, and warnings (each said once, in the order they arise).
 */
export function convertArticle(
  article: Article,
  ctx: ExportContext,
  mediaTarget: MediaTarget,
  featuredTarget: MediaTarget = mediaTarget,
  { closeHeadingGaps = false }: { closeHeadingGaps?: boolean } = {}
): ConvertedArticle {
  const warnings: ExportWarning[] = []
  const said = new Set<string>()
  const warn = (kind: ExportWarningKind, message: string): void => {
    const key = `${kind} ${message}`
    if (said.has(key)) return
    said.add(key)
    warnings.push({ articleId: article.id, kind, message })
  }
  // By where each copy goes: a site may want the featured image somewhere else than the same file in the body.
  const media = new Map<string, MediaFile>()
  const place = (src: string, target: MediaTarget): string => {
    const file = { src, ...target(src) }
    if (!media.has(file.path)) media.set(file.path, file)
    return file.url
  }
  const mediaUrl = (src: string): string => place(src, mediaTarget)

  const featured = article.featuredImage
  if (featured && !featured.alt.trim()) warn('missing-alt', `The featured image “${featured.src}” has no alt text.`)
  const featuredImageUrl = featured ? place(featured.src, featuredTarget) : null

  const converter = createBodyConverter({ ctx, warn, mediaUrl, blocks: outputsByNode, closeHeadingGaps })
  const body = converter.convert(stripReview(article.body).content)

  const related = article.related.flatMap((id) => {
    const found = ctx.related?.get(id)
    if (!found) warn('missing-related', `The related article ${id} is not in this export and was left out of the related list.`)
    return found ? [found] : []
  })

  return { body, blocks: converter.blockData, related, featuredImageUrl, media: [...media.values()], warnings, warn }
}

/** The blocks of each kind the article has, in registry order: moving a block never reorders front matter. */
export const blocksByKind = (blocks: ConvertedArticle['blocks']): [AnyBlockOutput, unknown[]][] =>
  blockOutputs.flatMap((output) => {
    const data = blocks.get(output)
    return data ? [[output, data] as [AnyBlockOutput, unknown[]]] : []
  })

/** Each block kind's page-level JSON-LD: one FAQPage merging every FAQ block, and so on. */
export function pageJsonLd(blocks: ConvertedArticle['blocks']): Record<string, unknown>[] {
  return blocksByKind(blocks).flatMap(([output, data]): Record<string, unknown>[] => {
    const jsonLd = output.jsonLd?.(data)
    return jsonLd ? [jsonLd] : []
  })
}
