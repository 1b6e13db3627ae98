import { readFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { articleStatuses, isArticleStatus, statusLabels, type ArticleStatus } from '../../shared/article/status'
import { UserError } from '../../shared/ipc/result'
import type { SearchHit } from '../../shared/library-api'
import type { CliIo } from '../program'
import { printJson, withLibrary } from './library-session'

function table(hits: SearchHit[]): string {
  if (hits.length === 0) return 'No articles.\n'
  return hits.map((hit) => `${hit.id}  ${statusLabels[hit.status].padEnd(17)}  ${hit.updatedAt.slice(0, 10)}  ${String(hit.words).padStart(5)} words  ${hit.slug}  ${hit.title}\n`).join('')
}

export function parseStatus(value: string): ArticleStatus {
  if (!isArticleStatus(value)) throw new UserError('invalid-input', `“${value}” is not a status; use one of ${articleStatuses.join(', ')}.`)
  return value
}

/** init, new, import, list, show and search: the library from scripts, over the same core as the app. */
export function registerLibraryCommands(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('start a library in the --library folder (missing or empty), or check an existing one')
    .action((_options, command: Command) =>
      withLibrary(command, io, async (library) => io.stdout(`Library ready at ${library.dir} (${library.info().articleCount} articles).\n`), 'create')
    )

  program
    .command('new')
    .description('create a draft article')
    .requiredOption('--title <title>', 'its title')
    .action((options: { title: string }, command: Command) =>
      withLibrary(command, io, async (library) => {
        const article = await library.createArticle({ title: options.title })
        io.stdout(`Created “${article.title}” as ${article.slug} (${article.id}).\n`)
      })
    )

  program
    .command('import')
    .description('import Markdown (Hugo/Jekyll front matter), HTML, Word (.docx) or Copydesk JSON files')
    .argument('<files...>', 'files to import')
    .action((files: string[], _options, command: Command) =>
      withLibrary(command, io, async (library) => {
        const read = await Promise.all(
          files.map(async (file) => {
            try {
              // Bytes: the importer reads the encoding from a byte-order mark (UTF-16 files have one); a Word document is a zip package.
              return { name: basename(file), content: await readFile(file), dir: dirname(resolve(file)) }
            } catch {
              throw new UserError('not-found', `Cannot read “${file}”; nothing was imported.`)
            }
          })
        )
        const report = await library.importFiles(read)
        for (const done of report.imported) {
          io.stdout(`Imported ${done.file} as “${done.title}” (${done.id}).\n`)
          for (const warning of done.warnings) io.stdout(`  note: ${warning}\n`)
        }
        if (report.failed.length) {
          throw new UserError('invalid-input', `${report.failed.length} of ${files.length} files were not imported: ${report.failed.map((f) => `${f.file}: ${f.reason}`).join(' | ')}`)
        }
      })
    )

  program
    .command('list')
    .description('list articles, most recently updated first')
    .option('--status <status>', `only this status (${articleStatuses.join(', ')})`)
    .option('--json', 'print JSON')
    .action((options: { status?: string; json?: boolean }, command: Command) =>
      withLibrary(command, io, async (library) => {
        const hits = await library.listArticles(options.status ? { status: parseStatus(options.status) } : {})
        if (options.json) printJson(io, hits)
        else io.stdout(table(hits))
      })
    )

  program
    .command('show')
    .description('show one article, by id or slug')
    .argument('<article>', 'id or slug')
    .option('--json', 'print the article file format')
    .action((ref: string, options: { json?: boolean }, command: Command) =>
      withLibrary(command, io, async (library) => {
        const article = await library.getArticle(ref)
        if (options.json) return printJson(io, article)
        const { bodyStats, bodyText } = await import('../../shared/article/body')
        const { words, readingMinutes } = bodyStats(article.body)
        io.stdout(
          [
            article.title || 'Untitled',
            `${statusLabels[article.status]} · ${article.slug} · ${article.id}`,
            `${words} words · ${readingMinutes} min read · updated ${article.updatedAt}`,
            article.authors.length ? `By ${article.authors.join(', ')}` : null,
            article.tags.length ? `Tags: ${article.tags.join(', ')}` : null,
            '',
            bodyText(article.body),
            ''
          ]
            .filter((line) => line !== null)
            .join('\n')
        )
      })
    )

  program
    .command('search')
    .description('full-text search over titles, text, FAQs and tags')
    .argument('<query>', 'words to look for')
    .option('--json', 'print JSON')
    .action((query: string, options: { json?: boolean }, command: Command) =>
      withLibrary(command, io, async (library) => {
        const hits = await library.listArticles({ query })
        if (options.json) return printJson(io, hits)
        io.stdout(hits.length ? hits.map((hit) => `${hit.slug}  ${hit.title}\n    ${hit.excerpt}\n`).join('') : 'No matches.\n')
      })
    )
}
