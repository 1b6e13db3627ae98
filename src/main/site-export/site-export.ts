import { localDay } from '../../shared/local-day'
import { defaultExportStatuses, type SiteExportPlan, type SiteExportProgress, type SiteExportReport, type SiteExportRequest } from '../../shared/export-api'
import type { LayoutOptions } from '../../shared/export'
import { UserError } from '../../shared/ipc/result'
import type { Library } from '../library/library'
import { SiteWriter } from './apply'
import { commitMessage } from './commit-message'
import { checkBranchName, commitOnBranch, isGitRepo } from './git'
import { MANIFEST_NAME } from './manifest'
import { planSiteExport, siteFile, type Plan } from './plan'
import { rememberSiteExport } from './preferences'
import { rememberRenders } from './render-cache'

export interface RunOptions {
  /** YYYY-MM-DD; today on this machine unless a test or script pins it. */
  today?: string
  signal?: AbortSignal
  onProgress?: (progress: Omit<SiteExportProgress, 'jobId'>) => void
}


const layoutOf = (request: SiteExportRequest): LayoutOptions => ({
  ...(request.section ? { section: request.section } : {}),
  ...(request.bundle ? { bundle: true } : {})
})

function plan(library: Library, request: SiteExportRequest, options: RunOptions, writer?: SiteWriter): Promise<Plan> {
  const phase = writer ? 'exporting' : 'reading'
  return planSiteExport(library, request.siteDir, {
    profile: request.profile,
    statuses: request.statuses ?? defaultExportStatuses,
    layout: layoutOf(request),
    siteKit: request.siteKit ?? false,
    today: options.today ?? localDay(),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(writer ? { stager: writer } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase, done, total })
  })
}

/** The dry run: what an export would add, change, remove and leave alone, with nothing written. */
export async function previewSiteExport(library: Library, request: SiteExportRequest, options: Omit<RunOptions, 'signal'> = {}): Promise<SiteExportPlan> {
  // Only the dry run asks: the dialog offers a commit for a repository. Starting git costs an export after one edit a good share of its time.
  const [planned, gitRepo] = await Promise.all([plan(library, request, options), isGitRepo(request.siteDir)])
  const pick = (action: string) => planned.files.filter((file) => file.action === action).map(siteFile)
  return {
    siteDir: planned.site.root,
    profile: planned.profile,
    articleCount: planned.articles.length,
    added: pick('add'),
    changed: pick('change'),
    unchanged: pick('unchanged'),
    removed: planned.stale.filter((file) => file.action === 'remove').map(siteFile),
    conflicts: [...pick('conflict'), ...planned.stale.filter((file) => file.action === 'conflict').map(siteFile)],
    warnings: planned.warnings,
    notices: planned.notices,
    gitRepo
  }
}

/**
 * Exports the selected articles into the site folder and reports what
 * happened. Files are written while later articles are still rendered, but
 * only put in place once every article rendered: an error changes nothing.
 * A cancelled run keeps the articles it finished (each file whole) and
 * records them, so the next run picks up where it stopped.
 */
export async function runSiteExport(library: Library, request: SiteExportRequest, options: RunOptions = {}): Promise<SiteExportReport> {
  if (request.commitBranch) {
    if (!(await isGitRepo(request.siteDir))) throw new UserError('invalid-input', 'The site folder is not a git repository, so the export cannot be committed. Nothing was exported.')
    await checkBranchName(request.siteDir, request.commitBranch)
  }
  const writer = new SiteWriter(request.overwriteConflicts ?? false)
  let planned: Plan
  try {
    planned = await plan(library, request, options, writer)
  } catch (error) {
    await writer.discard()
    throw error
  }
  const applied = await writer.commit(planned, {
    prune: request.prune ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'writing', done, total })
  })
  const finished = new Set<string>()
  for (const file of applied.written) finished.add(file.path)
  for (const file of applied.unchanged) finished.add(file.path)
  await rememberRenders(library.dir, planned, finished)
  await rememberSiteExport(library.dir, {
    siteDir: planned.site.root,
    profile: planned.profile,
    statuses: [...(request.statuses ?? defaultExportStatuses)],
    ...(request.section ? { section: request.section } : {}),
    bundle: request.bundle ?? false,
    siteKit: request.siteKit ?? false
  })
  const report: SiteExportReport = {
    siteDir: planned.site.root,
    profile: planned.profile,
    articleCount: planned.articles.length,
    ...applied,
    warnings: planned.warnings,
    notices: planned.notices,
    commit: null
  }
  if (request.commitBranch && !applied.cancelled) {
    options.onProgress?.({ phase: 'committing', done: 0, total: 1 })
    const written = [...applied.written.map((file) => file.path), MANIFEST_NAME]
    const removed = applied.removed.map((file) => file.path)
    report.commit = await commitOnBranch(planned.site.root, request.commitBranch, { written, removed }, commitMessage(report))
    options.onProgress?.({ phase: 'committing', done: 1, total: 1 })
  }
  return report
}
