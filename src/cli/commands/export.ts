import { resolve } from 'node:path'
import type { Command } from 'commander'
import { articleStatuses, type ArticleStatus } from '../../shared/article/status'
import { profileNames, type ProfileName } from '../../shared/export/types'
import type { SiteExportRequest, SiteExportWarning } from '../../shared/export-api'
import { UserError } from '../../shared/ipc/result'
import type { Library } from '../../main/library/library'
import { localDay } from '../../shared/local-day'
import type { CliIo } from '../program'
import { printJson, withLibrary } from './library-session'
import { parseStatus } from './library'
import { planText, progressPrinter, reportText } from './export-text'

interface ExportOptions {
  format?: string
  profile?: string
  section?: string
  bundle?: boolean
  out?: string
  all?: boolean
  to?: string
  status?: string
  dryRun?: boolean
  json?: boolean
  siteKit?: boolean
  prune?: boolean
  force?: boolean
  commit?: boolean
  branch?: string
}

function parseProfile(value: string): ProfileName {
  if (!(profileNames as readonly string[]).includes(value)) throw new UserError('invalid-input', `“${value}” is not a profile; use one of ${profileNames.join(', ')}.`)
  return value as ProfileName
}

const parseStatuses = (value: string): ArticleStatus[] => value.split(',').map((part) => parseStatus(part.trim()))

const warningLines = (warnings: SiteExportWarning[]): string => warnings.map((w) => `copydesk: warning: “${w.title}”: ${w.message}\n`).join('')

async function exportOne(library: Library, ref: string, options: ExportOptions, io: CliIo): Promise<void> {
  const format = options.format === 'html' ? 'html' : options.format === 'md' || options.format === 'markdown' ? 'markdown' : null
  if (!format) throw new UserError('invalid-input', 'Choose the format with --format html or --format md.')
  const { exportOneArticle, saveOneArticle } = await import('../../main/site-export/single-export')
  const { id } = await library.getArticle(ref)
  const request = { id, format, ...(options.profile ? { profile: parseProfile(options.profile) } : {}) } as const
  if (!options.out || options.out === '-') {
    const result = await exportOneArticle(library, request)
    io.stderr(warningLines(result.warnings))
    return io.stdout(result.content)
  }
  const file = resolve(options.out)
  const result = await saveOneArticle(library, request, file)
  io.stderr(warningLines(result.warnings))
  io.stderr(`copydesk: wrote ${file}\n`)
}

async function exportAll(library: Library, options: ExportOptions, io: CliIo): Promise<void> {
  // Scripts say what they mean: unlike the app, no remembered folder or profile fills in for a missing option.
  if (!options.to) throw new UserError('invalid-input', 'Name the site folder with --to SITE_DIR.')
  if (!options.profile) throw new UserError('invalid-input', `Choose a profile with --profile (${profileNames.join(', ')}).`)
  if (options.branch && !options.commit) throw new UserError('invalid-input', '--branch only makes sense with --commit.')
  const request: SiteExportRequest = {
    siteDir: resolve(options.to),
    profile: parseProfile(options.profile),
    ...(options.status ? { statuses: parseStatuses(options.status) } : {}),
    ...(options.section ? { section: options.section } : {}),
    bundle: options.bundle ?? false,
    siteKit: options.siteKit ?? false,
    prune: options.prune ?? false,
    overwriteConflicts: options.force ?? false,
    ...(options.commit ? { commitBranch: options.branch ?? `copydesk/export-${localDay()}` } : {})
  }
  const { previewSiteExport, runSiteExport } = await import('../../main/site-export/site-export')
  const onProgress = progressPrinter(io)
  const result = options.dryRun ? await previewSiteExport(library, request, { onProgress }) : await runSiteExport(library, request, { onProgress })
  if (options.json) return printJson(io, result)
  io.stdout('added' in result ? planText(result) : reportText(result))
  if (result.articleCount === 0) io.stdout(`Choose which statuses to export with --status, e.g. --status ${articleStatuses.join(',')}\n`)
}

/** `export`: one article to a file or stdout, or every selected article into a site repository. */
export function registerExportCommands(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('export one article (by id or slug) as HTML or Markdown, or with --all every selected article into a site folder')
    .argument('[article]', 'id or slug of the article to export')
    .option('--format <format>', 'html or md (one article)')
    .option('--profile <profile>', `site profile: ${profileNames.join(', ')}`)
    .option('--out <file>', 'write to this file instead of standard output (one article); - for standard output')
    .option('--all', 'export every selected article into the site folder')
    .option('--to <dir>', 'the site folder (with --all)')
    .option('--section <section>', 'Hugo section or Astro collection, e.g. posts or blog/news (with --all)')
    .option('--bundle', 'a folder per article with its images: Hugo page bundles (with --all)')
    .option('--status <statuses>', `only these statuses, comma-separated (default: approved,published)`)
    .option('--dry-run', 'list what would be added, changed, removed and left unchanged; write nothing')
    .option('--json', 'print the plan or report as JSON on standard output (progress stays on standard error)')
    .option('--site-kit', 'also write the profile’s shortcodes, includes or components')
    .option('--prune', 'remove files of articles no longer exported (only files Copydesk wrote)')
    .option('--force', 'overwrite or remove files someone changed since Copydesk wrote them')
    .option('--commit', 'commit the export on a branch when the site folder is a git repository')
    .option('--branch <name>', 'branch for --commit (default copydesk/export-<date>)')
    .action((ref: string | undefined, options: ExportOptions, command: Command) =>
      withLibrary(command, io, async (library) => {
        if (options.all && ref) throw new UserError('invalid-input', 'Name one article or use --all, not both.')
        if (options.all) return exportAll(library, options, io)
        if (!ref) throw new UserError('invalid-input', 'Name the article to export (id or slug), or use --all with --to SITE_DIR.')
        return exportOne(library, ref, options, io)
      })
    )
}
