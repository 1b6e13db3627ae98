import type { Command } from 'commander'
import type { Library } from '../../main/library/library'
import type { CliIo } from '../program'
import { printJson, withLibrary } from './library-session'

/** Who the commits are by: the app's profile, as for review commands. */
async function author(library: Library) {
  const [{ appProfile }, { syncAuthor }] = await Promise.all([import('./review-actor'), import('../../main/sync/sync-author')])
  return syncAuthor((await appProfile())?.name ?? null, library.dir)
}

/** sync, sync init, sync clone, sync status: share a library with a team through git. */
export function registerSyncCommands(program: Command, io: CliIo): void {
  const sync = program
    .command('sync')
    .description('share the --library folder through git: commit local changes, fetch, merge, push (see also sync init and sync clone)')
    .option('--json', 'print the status as JSON')
    .action((options: { json?: boolean }, command: Command) =>
      withLibrary(command, io, async (library) => {
        const [{ syncLibrary }, { syncMerges }, { describeStatus }, { historyPacked }] = await Promise.all([
          import('../../main/sync/sync'),
          import('../../main/sync/merges'),
          import('../../main/sync/sync-status'),
          import('../../main/sync/pack-history')
        ])
        const status = await syncLibrary(library, { ...syncMerges, author: await author(library) })
        io.stdout(options.json ? `${JSON.stringify(status, null, 2)}\n` : describeStatus(status))
        // Told first, then the history packed if due: ending the process would stop it halfway.
        await historyPacked(library.dir)
      })
    )

  sync
    .command('init')
    .description('make the --library folder a git repository its team can share (caches are never committed)')
    .option('--remote <address>', 'where to share it: a folder, a bare repository, or an SSH or HTTPS address')
    .action((options: { remote?: string }, command: Command) =>
      withLibrary(
        command,
        io,
        async (library) => {
          const { shareLibrary } = await import('../../main/sync/share-library')
          await shareLibrary(library, await author(library), options.remote)
          io.stdout(`The library at ${library.dir} is a git repository now${options.remote ? `, shared through ${options.remote}; run “copydesk sync” to send it` : '; add a remote with “copydesk sync init --remote <address>”'}.\n`)
        },
        'create'
      )
    )

  sync
    .command('clone')
    .description('copy a shared library from a remote into a new folder, ready to open')
    .argument('<remote>', 'a folder, a bare repository, or an SSH or HTTPS address')
    .argument('<folder>', 'a new or empty folder')
    .action(async (remote: string, folder: string) => {
      const { cloneLibrary } = await import('../../main/sync/share-library')
      const library = await cloneLibrary(remote, folder)
      try {
        for (const notice of library.info().notices) io.stderr(`copydesk: ${notice}\n`)
        io.stdout(`Cloned ${library.info().articleCount} articles into ${library.dir}.\n`)
      } finally {
        await library.close()
      }
    })

  sync
    .command('status')
    .description('the sync status as of the last sync, without reaching the remote (--json: as JSON)')
    .action((_options, command: Command) =>
      withLibrary(command, io, async (library) => {
        // `--json` is the sync command's own option, which commander reads wherever it stands.
        const options = command.optsWithGlobals<{ json?: boolean }>()
        const [{ syncStatus }, { describeStatus }] = await Promise.all([import('../../main/sync/sync'), import('../../main/sync/sync-status')])
        const status = await syncStatus(library)
        if (options.json) printJson(io, status)
        else io.stdout(describeStatus(status))
      })
    )
}
