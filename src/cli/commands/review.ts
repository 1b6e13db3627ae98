import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { articleStatuses, statusLabels } from '../../shared/article/status'
import { UserError } from '../../shared/ipc/result'
import { editedSinceApproval } from '../../shared/review/approval'
import type { CliIo } from '../program'
import { parseStatus } from './library'
import { printJson, withLibrary } from './library-session'
import { checklistText, importReportText } from './review-text'

const AS_OPTION_HELP =
  'who is acting, as "Name:role" with role writer or editor (default: the profile set up in the Copydesk app, read from settings.json in its user-data folder or in COPYDESK_USER_DATA)'

/** status, and review bundle | import | checklist: the review workflow from scripts, through the same rules as the app. */
export function registerReviewCommands(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('move an article to another status through the review workflow, recording who did it, when and why')
    .argument('<article>', 'id or slug')
    .argument('<status>', articleStatuses.join(' | '))
    .option('--note <text>', 'why; needed to approve an article that fails the checklist')
    .option('--as <Name:role>', AS_OPTION_HELP)
    .action(async (ref: string, status: string, options: { note?: string; as?: string }, command: Command) => {
      const to = parseStatus(status)
      const actor = await (await import('./review-actor')).cliActor(options.as)
      await withLibrary(command, io, async (library) => {
        const { changeStatus } = await import('../../main/library/review-status')
        const article = await changeStatus(library, { id: ref, to, note: options.note }, actor)
        io.stdout(`“${article.title}” is now ${statusLabels[article.status]}.\n`)
        const overridden = article.statusHistory?.at(-1)?.overriddenChecks
        if (overridden?.length) io.stdout(`Approved despite failing checks (${overridden.join(', ')}): ${options.note}\n`)
        // Publishing warns, as export does; it does not refuse.
        if (to === 'published' && editedSinceApproval(article))
          io.stderr(`copydesk: warning: “${article.title}” was edited after it was approved, so what is now published is not the text the editor approved.\n`)
      })
    })

  const review = program.command('review').description('review bundles and the pre-export checklist')

  review
    .command('bundle')
    .description('write articles with their comments and suggestions into one review bundle file, to send by any means')
    .argument('<articles...>', 'ids or slugs')
    .requiredOption('--out <file>', 'the bundle file to write')
    .option('--as <Name:role>', AS_OPTION_HELP)
    .action(async (refs: string[], options: { out: string; as?: string }, command: Command) => {
      const actor = await (await import('./review-actor')).cliActor(options.as)
      await withLibrary(command, io, async (library) => {
        const file = resolve(options.out)
        const { makeReviewBundle, writeReviewBundle } = await import('../../main/library/review-bundle')
        const bundle = await makeReviewBundle(library, refs, actor)
        await writeReviewBundle(file, bundle)
        io.stdout(`Wrote a review bundle of ${bundle.articleCount === 1 ? 'one article' : `${bundle.articleCount} articles`} to ${file}.\n`)
      })
    })

  review
    .command('import')
    .description('merge a review bundle’s comments, suggestions and decisions into the library; conflicts are listed, nothing is overwritten')
    .argument('<file>', 'the review bundle')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const text = await readFile(file, 'utf8').catch(() => {
        throw new UserError('not-found', `Cannot read “${file}”; nothing was imported.`)
      })
      await withLibrary(command, io, async (library) => {
        const { importReviewBundle } = await import('../../main/library/review-bundle')
        const report = await importReviewBundle(library, text)
        if (options.json) printJson(io, report)
        else io.stdout(importReportText(report))
      })
    })

  review
    .command('checklist')
    .description('run the library’s pre-export checklist on one article; exits with 1 when it fails')
    .argument('<article>', 'id or slug')
    .option('--json', 'print the result as JSON')
    .action((ref: string, options: { json?: boolean }, command: Command) =>
      withLibrary(command, io, async (library) => {
        const { articleChecklist } = await import('../../main/library/review-checklist')
        const result = await articleChecklist(library, ref)
        if (options.json) printJson(io, result)
        else io.stdout(checklistText(result))
        const failed = result.items.filter((item) => !item.ok).length
        if (failed) throw new UserError('invalid-input', `The article fails ${failed === 1 ? 'one checklist item' : `${failed} checklist items`}.`)
      })
    )
}
