#!/usr/bin/env node
import { useBuiltWorkers } from './built-workers'
import { runCli } from './program'

useBuiltWorkers()

// A reader that stops early (`copydesk list | head`) closes the pipe: the rest
// of the output has nowhere to go, which is not a failure of the command.
let readerGone = false
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  readerGone = true
})

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => void (readerGone || process.stdout.write(text)),
  stderr: (text) => process.stderr.write(text)
})
process.exitCode = code
