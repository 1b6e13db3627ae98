import { localDay } from '../../shared/local-day'
import { defaultExportStatuses, type SiteExportPlan, type SiteExportProgress, type SiteExportReport, type SiteExportRequest } from '../../shared/export-api'
import type { LayoutOptions } from '../../shared/export'
import { UserError } from '../../shared/ipc/result'
import type { Library } from '../library/library'
import { applyPlan } from './apply'
import { commitMessage } from './commit-message'
import { checkBranchName, commitOnBranch } from './git'
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

function plan(library: Library, request: SiteExportRequest, options: RunOptions): Promise<Plan> {
  return planSiteExport(library, request.siteDir, {
    profile: request.profile,
    statuses: request.statuses ?? defaultExportStatuses,
    layout: layoutOf(request),
    siteKit: request.siteKit ?? false,
    today: options.today ?? localDay(),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'reading', done, total })
  })
}

/** The dry run: what an export would add, change, remove and leave alone, with nothing written. */
export async function previewSiteExport(library: Library, request: SiteExportRequest, options: RunOptions = {}): Promise<SiteExportPlan> {
  const planned = await plan(library, request, options)
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
    gitRepo: planned.gitRepo
  }
}

/**
 * Exports the selected articles into the site folder and reports what
 * happened. A cancelled run keeps what it wrote (each file whole) and
 * records it, so the next run picks up where it stopped.
 */
export async function runSiteExport(library: Library, request: SiteExportRequest, options: RunOptions = {}): Promise<SiteExportReport> {
  let planned: Plan
  try {
    planned = await plan(library, request, options)
  } catch (error) {
    if (options.signal?.aborted) return cancelledBeforeWriting(request)
    throw error
  }
  if (request.commitBranch) {
    if (!planned.gitRepo) throw new UserError('invalid-input', 'The site folder is not a git repository, so the export cannot be committed. Nothing was exported.')
    await checkBranchName(planned.site.root, request.commitBranch)
  }
  const applied = await applyPlan(planned, {
    prune: request.prune ?? false,
    overwriteConflicts: request.overwriteConflicts ?? false,
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

function cancelledBeforeWriting(request: SiteExportRequest): SiteExportReport {
  return {
    siteDir: request.siteDir,
    profile: request.profile,
    articleCount: 0,
    written: [],
    unchanged: [],
    removed: [],
    kept: [],
    conflicts: [],
    warnings: [],
    notices: ['The export was cancelled before anything was written.'],
    cancelled: true,
    commit: null
  }
}
