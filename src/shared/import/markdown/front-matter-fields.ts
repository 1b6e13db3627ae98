import { articleStatuses, type ArticleStatus, type EditableFields } from '../../article/article'
import { SLUG_MAX_LENGTH, slugify, slugPattern } from '../../article/slug'
import { toPublishDate } from '../dates'
import { fitList, fitText, limits } from '../field-limits'
import type { ImportContext } from '../import-context'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a date'
  if (isRecord(value)) return 'a group of fields'
  if (typeof value === 'string') return `the text “${value.slice(0, 40)}”`
  return `the ${typeof value} ${String(value)}`
}

/**
 * Reads front matter values by name (case-insensitive, as Hugo does),
 * refusing the file when a value has the wrong type: a plain sentence names
 * the field, what it should be and what it was.
 */
class FrontMatter {
  private readonly values = new Map<string, unknown>()

  constructor(
    data: Record<string, unknown>,
    readonly ctx: ImportContext
  ) {
    for (const [key, value] of Object.entries(data)) if (value !== null && value !== undefined) this.values.set(key.toLowerCase(), value)
  }

  /** The first of `keys` present, with the name it was found under. */
  get(...keys: string[]): { key: string; value: unknown } | null {
    for (const key of keys) if (this.values.has(key)) return { key, value: this.values.get(key) }
    return null
  }

  wrong(key: string, expected: string, value: unknown): never {
    return this.ctx.fail(`in the front matter, “${key}” must be ${expected}, not ${describe(value)}.`)
  }

  text(...keys: string[]): string | null {
    const found = this.get(...keys)
    if (!found) return null
    const { key, value } = found
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    return this.wrong(key, 'text', value)
  }

  /** A list of words; a single text is one entry, YAML numbers in the list are read as text. */
  list(...keys: string[]): string[] | null {
    const found = this.get(...keys)
    if (!found) return null
    const { key, value } = found
    if (typeof value === 'string') return [value]
    if (!Array.isArray(value)) return this.wrong(key, 'a list such as [news, ai]', value)
    return value.map((entry) => {
      if (typeof entry === 'string' || typeof entry === 'number') return String(entry)
      return this.wrong(key, 'a list of words', entry)
    })
  }

  /** Names as text, lists of text, or Jekyll's `{name: …}` objects. */
  names(...keys: string[]): string[] | null {
    const found = this.get(...keys)
    if (!found) return null
    const { key, value } = found
    return [value].flat().map((entry) => {
      if (typeof entry === 'string') return entry
      if (isRecord(entry) && typeof entry['name'] === 'string') return entry['name']
      return this.wrong(key, 'a name or a list of names', entry)
    })
  }

  flag(...keys: string[]): boolean | null {
    const found = this.get(...keys)
    if (!found) return null
    const { key, value } = found
    if (typeof value === 'boolean') return value
    // YAML 1.1 habits (Jekyll's parser) still show up as text under YAML 1.2.
    const word = typeof value === 'string' ? value.trim().toLowerCase() : ''
    if (['true', 'yes', 'on'].includes(word)) return true
    if (['false', 'no', 'off'].includes(word)) return false
    return this.wrong(key, 'true or false', value)
  }

  date(...keys: string[]): string | null {
    const found = this.get(...keys)
    if (!found) return null
    const { key, value } = found
    const date = typeof value === 'string' || value instanceof Date ? toPublishDate(value) : null
    return date ?? this.wrong(key, 'a date such as 2025-10-22 or 2025-10-22T09:30:00+02:00', value)
  }
}

export interface FrontMatterFields {
  fields: Partial<EditableFields>
  /** The `faq` data Copydesk's Hugo and Jekyll exports write, read by the FAQ shortcodes. */
  faqData: unknown
}

/** Jekyll posts are named YYYY-MM-DD-slug.md: the name carries the date and the slug. */
const jekyllName = /^(\d{4}-\d{2}-\d{2})-(.+)\.[a-z]+$/i

/** Maps Hugo and Jekyll front matter onto article fields. */
export function fieldsFromFrontMatter(data: Record<string, unknown>, fileName: string, ctx: ImportContext): FrontMatterFields {
  const matter = new FrontMatter(data, ctx)
  const fields: Partial<EditableFields> = {}
  const fromName = jekyllName.exec(fileName)

  const title = matter.text('title')
  if (title !== null && title.trim()) fields.title = fitText(title, limits.title, 'title', ctx)

  const slug = matter.text('slug') ?? (fromName ? fromName[2]! : null)
  if (slug !== null && slug.trim()) {
    fields.slug = slugPattern.test(slug) && slug.length <= SLUG_MAX_LENGTH ? slug : slugify(slug)
    if (fields.slug !== slug) ctx.warn(`The slug “${slug}” was changed to “${fields.slug}”: slugs use lowercase letters, digits and hyphens.`)
    // The site's addresses depend on it: keep it when the title is edited.
    fields.slugLocked = true
  }

  const description = matter.text('description')
  const summary = matter.text('summary', 'excerpt')
  if (description ?? summary) fields.description = fitText((description ?? summary)!, limits.description, 'description', ctx)
  const dek = matter.text('dek', 'subtitle', 'lead') ?? (description !== null ? summary : null)
  if (dek) fields.dek = fitText(dek, limits.dek, 'dek', ctx)

  const tags = matter.list('tags')
  const categories = matter.list('categories', 'category')
  if (categories?.length) {
    fields.category = fitText(categories[0]!, limits.category, 'category', ctx)
    if (categories.length > 1) ctx.warn(`An article has one category: “${fields.category}” was kept and the other categories became tags.`)
  }
  const allTags = [...(tags ?? []), ...(categories?.slice(1) ?? [])]
  if (allTags.length) fields.tags = fitList(allTags, limits.tags, limits.tag, 'tag', ctx)

  const authors = matter.names('authors', 'author')
  if (authors?.length) fields.authors = fitList(authors, limits.authors, limits.author, 'author', ctx)

  const date = matter.date('publishdate', 'pubdate', 'date', 'published_at') ?? (fromName ? toPublishDate(fromName[1]!) : null)
  if (date) fields.publishDate = date

  const status = readStatus(matter)
  if (status) fields.status = status

  const image = matter.get('images', 'image', 'featured_image', 'feature_image', 'cover', 'thumbnail')
  if (image) ctx.warn('The featured image in the front matter was not imported: add it from the article’s settings.')

  return { fields, faqData: matter.get('faq', 'faqs')?.value ?? null }
}

function readStatus(matter: FrontMatter): ArticleStatus | null {
  const status = matter.text('status')
  if (status !== null) {
    const known = articleStatuses.find((candidate) => candidate === status.trim().toLowerCase())
    if (known) return known
    matter.ctx.warn(`The status “${status}” is not a Copydesk status (${articleStatuses.join(', ')}) and was ignored.`)
  }
  // Hugo's `draft: true`, Jekyll's `published: false`.
  const published = matter.get('published')
  if (matter.flag('draft') === true || (published && typeof published.value === 'boolean' && !published.value)) return 'draft'
  return null
}
