import type { Command } from 'commander'
import type { CliIo } from '../program'
import { printJson, withLibrary } from './library-session'
import { localDay } from '../../shared/local-day'

interface AddOptions {
  name: string
  headline: string
  url: string
  cta: string
  label: string
  text: string
  sponsor: string
  from?: string
  until?: string
}

/** promo add | list: the promo collection that promo slots in articles point to. */
export function registerPromoCommands(program: Command, io: CliIo): void {
  const promo = program.command('promo').description('manage the promos that articles place in promo slots')

  promo
    .command('add')
    .description('add a promo')
    .requiredOption('--name <name>', 'internal name shown in pickers')
    .requiredOption('--headline <headline>', 'headline readers see')
    .requiredOption('--url <url>', 'http(s) address it links to')
    .requiredOption('--cta <text>', 'call to action, e.g. "Claim the deal"')
    .option('--label <label>', 'disclosure label', 'Sponsored')
    .option('--text <text>', 'body text', '')
    .option('--sponsor <sponsor>', 'sponsor name', '')
    .option('--from <YYYY-MM-DD>', 'first day it runs')
    .option('--until <YYYY-MM-DD>', 'last day it runs')
    .action((options: AddOptions, command: Command) =>
      withLibrary(command, io, async (library) => {
        const { from, until, ...fields } = options
        const saved = await library.savePromo({ ...fields, activeFrom: from ?? null, activeUntil: until ?? null })
        io.stdout(`Added promo “${saved.name}” (${saved.id}).\n`)
      })
    )

  promo
    .command('list')
    .description('list promos and the articles that use them')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }, command: Command) =>
      withLibrary(command, io, async (library) => {
        const promos = await library.listPromos()
        if (options.json) return printJson(io, promos)
        const { promoState } = await import('../../shared/article/promo')
        const today = localDay()
        io.stdout(
          promos.length
            ? promos.map(({ promo: p, usedBy }) => `${p.id}  ${promoState(p, today).padEnd(9)}  ${p.name}  (${usedBy.length} article${usedBy.length === 1 ? '' : 's'})\n`).join('')
            : 'No promos.\n'
        )
      })
    )
}
