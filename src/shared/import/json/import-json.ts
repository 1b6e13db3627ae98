import { ARTICLE_FORMAT_VERSION, articleSchema, editableFieldsSchema, type EditableFields } from '../../article/article'
import { toProseMirror } from '../../schema/to-prosemirror'
import { bodyStats, type BodyNode } from '../../article/body'
import { bodyBoundsProblem } from '../../article/body-bounds'
import type { ImportContext } from '../import-context'
import { checkWordCount } from '../size-caps'

/** An article file from a Copydesk library: checked against the article format, its editable fields kept. */
export function readArticleJson(text: string, ctx: ImportContext): Partial<EditableFields> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return ctx.fail(`it is not valid JSON (${(error as Error).message}).`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) ctx.fail('it is not a Copydesk article: the file should hold one JSON object.')
  const version = (data as Record<string, unknown>)['formatVersion']
  if (typeof version === 'number' && version > ARTICLE_FORMAT_VERSION) {
    ctx.fail(`it was written by a newer Copydesk (article format ${version}); update Copydesk to import it.`)
  }
  // Before the full check, which takes a second over a body ten times too long.
  const words = wordsIfWalkable((data as Record<string, unknown>)['body'])
  if (words !== null) checkWordCount(words, ctx)
  const parsed = articleSchema.safeParse(data)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
    ctx.fail(`it is not a valid Copydesk article (${problems.join('; ')}).`)
  }
  if (words === null) checkWordCount(bodyStats(parsed.data.body).words, ctx)
  try {
    toProseMirror(parsed.data.body)
  } catch (error) {
    ctx.fail(`its body does not fit Copydesk’s blocks: ${(error as Error).message}`)
  }
  const fields = editableFieldsSchema.parse(parsed.data)
  if (fields.featuredImage) {
    ctx.warn(`The featured image ${fields.featuredImage.src} must be in this library’s media folder; copy it there if it is missing.`)
  }
  return fields
}

/** The words of a body not yet checked, or null when it is not within bounds or not shaped for counting (the full check then says why). */
function wordsIfWalkable(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || bodyBoundsProblem(body) !== null) return null
  try {
    return bodyStats(body as BodyNode).words
  } catch {
    return null
  }
}
