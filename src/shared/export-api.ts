import * as z from 'zod'
import { idSchema, statusSchema, type ArticleStatus } from './article/article'
import { profileNames, type ProfileName } from './export/types'
import { folderHandleSchema, type FolderRef } from './folders'

export const profileNameSchema = z.enum(profileNames)

/** Which articles a bulk export takes when none are named: those ready for the site or already on it. */
export const defaultExportStatuses: readonly ArticleStatus[] = ['approved', 'published']

export const singleExportSchema = z.strictObject({
  id: idSchema,
  format: z.enum(['html', 'markdown']),
  /** Markdown flavour; plain CommonMark when left out. */
  profile: profileNameSchema.optional(),
  /** On save: also write the flavour's site kit (its FAQ and promo templates) beside the file, laid out as in a site's root. */
  withSiteKit: z.boolean().optional()
})
export type SingleExportRequest = z.infer<typeof singleExportSchema>

const branchSchema = z.string().trim().min(1).max(200)

/** A site export's choices, whoever makes them; which folder is said apart (a handle from the renderer, a path from the CLI). */
export const siteExportOptionsSchema = z.strictObject({
  profile: profileNameSchema,
  statuses: z.array(statusSchema).min(1).max(5).optional(),
  /** Hugo section or Astro collection, e.g. "posts" or "blog/news"; the profile's default when left out. */
  section: z.string().trim().min(1).max(200).optional(),
  /** A folder per article holding its images (Hugo page bundles; plain). */
  bundle: z.boolean().optional(),
  /** Also write the profile's shortcodes/includes/components. */
  siteKit: z.boolean().optional(),
  /** Remove files of articles no longer exported (only files Copydesk wrote and nobody changed since). */
  prune: z.boolean().optional(),
  /** Overwrite (or remove) files someone changed since Copydesk wrote them. */
  overwriteConflicts: z.boolean().optional(),
  /** Commit what the export wrote and removed on this branch, when the site is a git repository. */
  commitBranch: branchSchema.optional()
})
export type SiteExportOptions = z.infer<typeof siteExportOptionsSchema>
/** What main's export functions take: the choices and the site folder's path. */
export type SiteExportRequest = SiteExportOptions & { siteDir: string }

/** The renderer's request: the site folder by the handle chooseSiteFolder or the remembered choices gave it. */
export const siteExportSchema = siteExportOptionsSchema.extend({ site: folderHandleSchema })
export type SiteExportCall = z.infer<typeof siteExportSchema>

export const runSiteExportSchema = siteExportSchema.extend({
  /** Chosen by the caller so it can cancel and match progress events before the run returns. */
  jobId: z.string().min(1).max(100)
})
export const cancelSiteExportSchema = z.strictObject({ jobId: z.string().min(1).max(100) })
/** `near`: a site folder's handle to start the dialog in. */
export const chooseSiteFolderSchema = z.strictObject({ near: folderHandleSchema.optional() })

export type SiteFileKind = 'article' | 'media' | 'kit'

export interface SiteFile {
  /** Relative to the site folder, with forward slashes. */
  path: string
  kind: SiteFileKind
  articleId?: string
  title?: string
}

export interface SiteExportWarning {
  articleId: string
  title: string
  kind: string
  message: string
}

/** What an export would do, computed without writing anything (the dry run). */
export interface SiteExportPlan {
  siteDir: string
  profile: ProfileName
  articleCount: number
  added: SiteFile[]
  changed: SiteFile[]
  unchanged: SiteFile[]
  /** Files of articles no longer exported; removed only with `prune`. */
  removed: SiteFile[]
  /** Files someone changed since Copydesk wrote them (or that Copydesk never wrote); left alone without `overwriteConflicts`. */
  conflicts: SiteFile[]
  warnings: SiteExportWarning[]
  /** Plain-words notes, e.g. an unreadable export record. */
  notices: string[]
  gitRepo: boolean
}

export interface SiteExportReport {
  siteDir: string
  profile: ProfileName
  articleCount: number
  written: SiteFile[]
  unchanged: SiteFile[]
  removed: SiteFile[]
  /** Listed for removal but kept, because removal was not confirmed. */
  kept: SiteFile[]
  /** Left untouched because someone changed them. */
  conflicts: SiteFile[]
  warnings: SiteExportWarning[]
  notices: string[]
  /** True when the run stopped early on request; what was written so far is recorded. */
  cancelled: boolean
  commit: { branch: string; commit: string | null } | null
}

export interface SiteExportProgress {
  jobId: string
  phase: 'reading' | 'exporting' | 'writing' | 'committing'
  done: number
  total: number
}

/** What a library remembers about its last site export, to start the next one from. */
export interface SiteExportPreferences {
  siteDir: string
  profile: ProfileName
  statuses: ArticleStatus[]
  section?: string
  bundle: boolean
  siteKit: boolean
}

/**
 * The remembered choices as the renderer gets them: the site folder as a
 * handle when settings list it among the recent site folders, else null (the
 * library may come from another machine, so its file alone grants nothing).
 */
export interface SiteExportSetupDefaults extends Omit<SiteExportPreferences, 'siteDir'> {
  site: FolderRef | null
}

export interface SingleExport {
  content: string
  /** A file name to suggest in the save dialog. */
  fileName: string
  warnings: SiteExportWarning[]
}
