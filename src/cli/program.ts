import { Command, CommanderError } from 'commander'
import { UserError } from '../shared/ipc/result'
import { registerLibraryCommands } from './commands/library'
import { registerPromoCommands } from './commands/promo'
import { registerExportCommands } from './commands/export'
import { registerReviewCommands } from './commands/review'
import { registerSyncCommands } from './commands/sync'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/**
 * Builds the `copydesk` command line. Commands are registered by feature
 * modules over the same core main uses, so scripts and the app agree.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('copydesk')
    .description('Copydesk command line: manage an article library and export it, from scripts and CI.')
    .option('--library <dir>', 'library folder to work on', '.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride()
    .showHelpAfterError(false)
  registerLibraryCommands(program, io)
  registerPromoCommands(program, io)
  registerExportCommands(program, io)
  registerReviewCommands(program, io)
  registerSyncCommands(program, io)
  return program
}

/** Runs the CLI and returns the exit code; user errors become one line on stderr, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0
      io.stderr(`copydesk: ${error.message.replace(/^error: /, '')}\n`)
      return 1
    }
    if (error instanceof UserError) {
      io.stderr(`copydesk: ${error.message}\n`)
      return 1
    }
    io.stderr(`copydesk: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
}
