import { randomUUID } from 'node:crypto'
import { ARTICLE_FORMAT_VERSION, articleSchema, type Article, type EditableFields } from '../../shared/article/article'
import { emptyBody, isImageNode, walkBody, type BodyNode } from '../../shared/article/body'
import { toProseMirror } from '../../shared/schema/to-prosemirror'
import { slugify, uniqueSlug } from '../../shared/article/slug'
import { isSafeLinkUrl } from '../../shared/article/urls'
import { UserError } from '../../shared/ipc/result'
import type { ArticleChanges } from '../../shared/library-api'
import { parseOrRefuse } from './validation'

/** Link targets and image sources that could run code are refused at the door. */
function refuseUnsafeUrls(body: BodyNode): void {
  walkBody(body, (node) => {
    for (const mark of node.marks ?? []) {
      const href = mark.attrs?.['href']
      if (mark.type === 'link' && typeof href === 'string' && !isSafeLinkUrl(href)) {
        throw new UserError('invalid-input', `The article links to “${href.slice(0, 80)}”, which is not a web, mail or phone address, so nothing was saved.`)
      }
    }
    const src = node.attrs?.['src']
    // Media paths, web addresses and relative paths (as imported posts carry); never data: or script URLs.
    if (isImageNode(node) && (typeof src !== 'string' || !isSafeLinkUrl(src) || /^(mailto|tel):/i.test(src.trim()))) {
      throw new UserError('invalid-input', 'An image in the article has an address Copydesk does not allow, so nothing was saved.')
    }
  })
}

/** The only gate to the disk: the article schema, the editor's document schema and URL safety. */
export function checkArticle(value: unknown): Article {
  const article = parseOrRefuse(articleSchema, value, 'The article')
  toProseMirror(article.body)
  refuseUnsafeUrls(article.body)
  return article
}

/** Ids are random UUIDs: unique without coordination between the app and the CLI. */
export const newId = (): string => randomUUID()

export function newArticle(fields: Partial<EditableFields>, id: string, now: string, slugTaken: (slug: string) => boolean): Article {
  const title = fields.title ?? ''
  // A slug that arrives with the article (an imported post's URL) is kept and locked.
  const slugLocked = fields.slugLocked ?? fields.slug !== undefined
  const base = fields.slug ?? slugify(title)
  return checkArticle({
    dek: '',
    authors: [],
    status: 'draft',
    tags: [],
    category: '',
    description: '',
    featuredImage: null,
    publishDate: null,
    related: [],
    body: emptyBody(),
    ...fields,
    slug: uniqueSlug(base, slugTaken),
    slugLocked,
    title,
    formatVersion: ARTICLE_FORMAT_VERSION,
    id,
    createdAt: now,
    updatedAt: now
  })
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The stored article with `changes` applied, or null when they change
 * nothing. The slug follows the title until someone edits it (which locks
 * it); a locked slug must be free, a derived one is made unique.
 */
export function applyChanges(
  stored: Article,
  changes: ArticleChanges,
  now: string,
  slugTaken: (slug: string) => boolean
): Article | null {
  const next: Article = { ...stored, ...changes }
  if (changes.slug !== undefined && changes.slug !== stored.slug && changes.slugLocked === undefined) next.slugLocked = true
  if (!next.slugLocked) {
    const rederive = next.title !== stored.title || stored.slugLocked || changes.slug !== undefined
    if (rederive) next.slug = uniqueSlug(slugify(next.title), slugTaken)
  } else if (next.slug !== stored.slug && slugTaken(next.slug)) {
    throw new UserError('conflict', `Another article already uses the address “${next.slug}”; choose a different slug.`)
  }
  if (same(next, stored)) return null
  return checkArticle({ ...next, updatedAt: laterThan(stored.updatedAt, now) })
}

/** Timestamps only move forward, even if the clock stepped back between two saves. */
export function laterThan(previous: string, now: string): string {
  return Date.parse(now) > Date.parse(previous) ? now : new Date(Date.parse(previous) + 1).toISOString()
}
