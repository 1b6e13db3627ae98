import type { Root } from 'hast'
import { elementsOf, stringProperty } from './hast-tools'

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)
const typesOf = (value: JsonObject): string[] => [value['@type']].flat().filter((type): type is string => typeof type === 'string')

/** Every schema.org object in the page's JSON-LD scripts, `@graph` lists flattened. Unparsable scripts are skipped. */
export function jsonLdObjects(tree: Root): JsonObject[] {
  const found: JsonObject[] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (isObject(value)) {
      found.push(value)
      if (value['@graph']) collect(value['@graph'])
    }
  }
  for (const element of elementsOf(tree)) {
    if (element.tagName !== 'script' || stringProperty(element, 'type')?.toLowerCase() !== 'application/ld+json') continue
    try {
      collect(JSON.parse(element.children.map((child) => (child.type === 'text' ? child.value : '')).join('')))
    } catch {
      // A broken JSON-LD block is the page's problem; its visible text is still imported.
    }
  }
  return found
}

export const ofType = (objects: JsonObject[], ...types: string[]): JsonObject | undefined =>
  objects.find((object) => typesOf(object).some((type) => types.includes(type)))

export const jsonText = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null)

/** "Ann", {name: "Ann"}, or a list of either. */
export const jsonNames = (value: unknown): string[] =>
  [value].flat().flatMap((entry) => {
    const name = isObject(entry) ? jsonText(entry['name']) : jsonText(entry)
    return name ? [name] : []
  })

interface FaqPair {
  question: string
  answerHtml: string
}

/** Question/answer pairs of a FAQPage, answers as the HTML they may contain. */
export function faqPagePairs(objects: JsonObject[]): FaqPair[] {
  const page = ofType(objects, 'FAQPage')
  if (!page) return []
  return [page['mainEntity']].flat().flatMap((entry) => {
    if (!isObject(entry)) return []
    const question = jsonText(entry['name'])
    const answers = [entry['acceptedAnswer'], entry['suggestedAnswer']].flat().filter(isObject)
    const answerHtml = answers.map((answer) => jsonText(answer['text'])).find(Boolean)
    return question ? [{ question, answerHtml: answerHtml ?? '' }] : []
  })
}
