import { join } from 'node:path'
import type { Article } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import { runChecklist, type ChecklistResult } from '../../shared/review/checklist'
import { checklistConfigSchema, defaultChecklistConfig, type ChecklistConfig, type ChecklistConfigInput } from '../../shared/review/checklist-config'
import { exportContext } from '../site-export/context'
import { localDay } from '../../shared/local-day'
import { reasonOf } from './article-files'
import { readJsonIfExists, writeJsonAtomic } from './json-file'
import type { Library } from './library'
import { parseOrRefuse } from './validation'

/** The library's pre-export checklist settings; the defaults apply while it does not exist. */
export const CHECKLIST_FILE = 'review-checklist.json'

/**
 * The checklist settings of the library in `dir`. A damaged file is refused
 * rather than replaced by the defaults: the checklist gates approval, and
 * checks this library relaxed or tightened must not silently change.
 */
export async function readChecklistConfig(dir: string): Promise<ChecklistConfig> {
  const refuse = (reason: string): never => {
    throw new UserError('invalid-input', `This library’s checklist settings (${CHECKLIST_FILE}) cannot be used: ${reason}. Fix the file, or delete it to use the defaults.`)
  }
  let data: unknown
  try {
    data = await readJsonIfExists(join(dir, CHECKLIST_FILE))
  } catch (error) {
    return refuse(reasonOf(error))
  }
  if (data === null) return defaultChecklistConfig()
  const parsed = checklistConfigSchema.safeParse(data)
  return parsed.success ? parsed.data : refuse(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
}

export async function writeChecklistConfig(dir: string, input: ChecklistConfigInput): Promise<ChecklistConfig> {
  const config = parseOrRefuse(checklistConfigSchema, input, 'The checklist settings')
  await writeJsonAtomic(join(dir, CHECKLIST_FILE), config)
  return config
}

/**
 * The library's checklist, ready to run on an article: its settings, the
 * slugs of the other articles and the promos, read once.
 */
export async function prepareChecklist(library: Library, today: string = localDay()): Promise<(article: Article) => ChecklistResult> {
  const [config, { ctx, summaries }] = await Promise.all([readChecklistConfig(library.dir), exportContext(library, today)])
  return (article) =>
    runChecklist(article, config, { otherSlugs: summaries.filter((s) => s.id !== article.id).map((s) => s.slug), promos: ctx.promos, today })
}

/** The checklist of one article, by id or slug. */
export async function articleChecklist(library: Library, idOrSlug: string, today?: string): Promise<ChecklistResult> {
  const [check, article] = await Promise.all([prepareChecklist(library, today), library.getArticle(idOrSlug)])
  return check(article)
}
