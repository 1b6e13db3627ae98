import type { Article } from '../article/article'
import { bodyStats, bodyText, isImageNode, walkBody, type BodyDoc } from '../article/body'
import { promoState, type Promo } from '../article/promo'
import type { ChecklistConfig } from './checklist-config'
import { stripReview } from './strip-review'

export type ChecklistItemId =
  | 'title-length'
  | 'description-length'
  | 'slug-unique'
  | 'image-alt'
  | 'faq-answers'
  | 'promos'
  | 'word-count'

export interface ChecklistItem {
  id: ChecklistItemId
  label: string
  ok: boolean
  /** One plain sentence: what is wrong and what to do, or what was checked. */
  message: string
}

export interface ChecklistResult {
  passed: boolean
  items: ChecklistItem[]
}

/** What the checklist needs from the library around the article. */
export interface ChecklistContext {
  /** Slugs of every other article in the library. */
  otherSlugs: readonly string[]
  promos: readonly Pick<Promo, 'id' | 'name' | 'activeFrom' | 'activeUntil'>[]
  /** The day the article would go out, YYYY-MM-DD. */
  today: string
}

/**
 * Checks an article before approval and export. It looks at the body as it
 * would be exported (pending suggestions not applied), and only runs the
 * checks the library's configuration turns on.
 */
export function runChecklist(article: Article, config: ChecklistConfig, context: ChecklistContext): ChecklistResult {
  const body = stripReview(article.body)
  const items: ChecklistItem[] = []
  if (config.titleLength.enabled) items.push(lengthItem('title-length', 'Title length', 'title', article.title, config.titleLength))
  if (config.descriptionLength.enabled)
    items.push(lengthItem('description-length', 'Description length', 'description', article.description, config.descriptionLength))
  if (config.uniqueSlug.enabled) items.push(slugItem(article.slug, context.otherSlugs))
  if (config.imageAltText.enabled) items.push(altTextItem(article, body))
  if (config.faqAnswers.enabled) items.push(faqAnswersItem(body))
  if (config.promos.enabled) items.push(promoItem(body, context))
  if (config.minimumWords.enabled) items.push(wordCountItem(body, config.minimumWords.min))
  return { passed: items.every((item) => item.ok), items }
}

const characters = (text: string): number => Array.from(text.trim()).length
// The messages are English: English plural rules, whatever the machine's locale.
const englishPlurals = new Intl.PluralRules('en')
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${englishPlurals.select(n) === 'one' ? one : many}`
const quote = (text: string): string => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`

function lengthItem(
  id: ChecklistItemId,
  label: string,
  field: string,
  value: string,
  range: { min: number; max: number }
): ChecklistItem {
  const length = characters(value)
  const wanted = `between ${range.min} and ${range.max} characters`
  if (length === 0) return { id, label, ok: range.min === 0, message: `The ${field} is empty; it should be ${wanted}.` }
  if (length < range.min) return { id, label, ok: false, message: `The ${field} has ${plural(length, 'character')}; it should be ${wanted}.` }
  if (length > range.max) return { id, label, ok: false, message: `The ${field} has ${plural(length, 'character')}; shorten it to at most ${range.max}.` }
  return { id, label, ok: true, message: `The ${field} has ${plural(length, 'character')}.` }
}

function slugItem(slug: string, otherSlugs: readonly string[]): ChecklistItem {
  const taken = otherSlugs.includes(slug)
  return {
    id: 'slug-unique',
    label: 'Unique slug',
    ok: !taken,
    message: taken
      ? `Another article in the library already uses the slug ${quote(slug)}; change one of them so their addresses differ.`
      : `No other article uses the slug ${quote(slug)}.`
  }
}

function altTextItem(article: Article, body: BodyDoc): ChecklistItem {
  const missing: string[] = []
  if (article.featuredImage && !article.featuredImage.alt.trim()) missing.push('the featured image')
  let images = article.featuredImage ? 1 : 0
  walkBody(body, (node) => {
    if (!isImageNode(node)) return
    images++
    const alt = typeof node.attrs?.['alt'] === 'string' ? node.attrs['alt'] : ''
    if (!alt.trim()) missing.push(`the image ${quote(fileName(node.attrs?.['src']))}`)
  })
  const label = 'Alt text on images'
  if (missing.length > 0)
    return { id: 'image-alt', label, ok: false, message: `Describe ${missing.join(', ')} in alt text, for readers who cannot see it.` }
  return { id: 'image-alt', label, ok: true, message: images === 0 ? 'The article has no images.' : englishPlurals.select(images) === 'one' ? 'Its one image has alt text.' : `All ${plural(images, 'image')} have alt text.` }
}

const fileName = (src: unknown): string => (typeof src === 'string' ? (src.split('/').pop() ?? src) : 'without a file')

function faqAnswersItem(body: BodyDoc): ChecklistItem {
  const problems: string[] = []
  let items = 0
  walkBody(body, (node) => {
    if (node.type !== 'faqItem') return
    items++
    const [question, answer] = node.content ?? []
    const asked = question ? bodyText(question) : ''
    if (!asked) problems.push(`FAQ item ${items} has no question`)
    else if (!answer || !bodyText(answer)) problems.push(`the question ${quote(asked)} has no answer`)
  })
  const label = 'FAQ answers'
  if (problems.length > 0) return { id: 'faq-answers', label, ok: false, message: `${capitalise(problems.join('; '))}.` }
  return { id: 'faq-answers', label, ok: true, message: items === 0 ? 'The article has no FAQ.' : `All ${plural(items, 'FAQ question')} have answers.` }
}

function promoItem(body: BodyDoc, context: ChecklistContext): ChecklistItem {
  // Two slots showing the same expired promo make one problem.
  const problems = new Set<string>()
  let slots = 0
  walkBody(body, (node) => {
    if (node.type !== 'promoSlot') return
    slots++
    const id = node.attrs?.['promoId']
    const promo = context.promos.find((p) => p.id === id)
    if (typeof id !== 'string' || !id) problems.add(`promo slot ${slots} has no promo chosen`)
    else if (!promo) problems.add(`promo slot ${slots} shows a promo that is no longer in the library`)
    else if (promoState(promo, context.today) === 'expired') problems.add(`the promo ${quote(promo.name)} ended on ${promo.activeUntil}`)
  })
  const label = 'Promos current'
  if (problems.size > 0)
    return { id: 'promos', label, ok: false, message: `${capitalise([...problems].join('; '))}: choose another promo or remove the slot.` }
  return { id: 'promos', label, ok: true, message: slots === 0 ? 'The article has no promo slots.' : `All ${plural(slots, 'promo slot')} show a current promo.` }
}

function wordCountItem(body: BodyDoc, min: number): ChecklistItem {
  const { words } = bodyStats(body)
  const label = 'Word count'
  if (words < min) return { id: 'word-count', label, ok: false, message: `The article has ${plural(words, 'word')}; it needs at least ${min}.` }
  return { id: 'word-count', label, ok: true, message: `The article has ${plural(words, 'word')}.` }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
