import type { Command } from 'commander'
import type { Library } from '../../main/library/library'
import type { OpenMode } from '../../main/library/open-folder'
import type { CliIo } from '../program'

/** Opens the library named by `--library`, runs one command on it, and closes it. */
export async function withLibrary<T>(command: Command, io: CliIo, run: (library: Library) => Promise<T>, mode: OpenMode = 'existing'): Promise<T> {
  // Loaded here, not at the top: `--help` and argument errors should not pay for the library's modules.
  const { openLibrary } = await import('../../main/library/library')
  const library = await openLibrary(command.optsWithGlobals<{ library: string }>().library, mode, { indexNow: false })
  // Repairs made while opening are news to whoever runs the command.
  for (const notice of library.info().notices) io.stderr(`copydesk: ${notice}\n`)
  try {
    return await run(library)
  } finally {
    await library.close()
  }
}

export const printJson = (io: CliIo, value: unknown): void => io.stdout(`${JSON.stringify(value, null, 2)}\n`)
