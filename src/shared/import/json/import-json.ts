import { ARTICLE_FORMAT_VERSION, articleSchema, editableFieldsSchema, type EditableFields } from '../../article/article'
import { toProseMirror } from '../../schema/to-prosemirror'
import type { ImportContext } from '../import-context'

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
  const parsed = articleSchema.safeParse(data)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
    ctx.fail(`it is not a valid Copydesk article (${problems.join('; ')}).`)
  }
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
