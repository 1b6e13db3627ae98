#!/usr/bin/env node
import { useBuiltWorkers } from './built-workers'
import { runCli } from './program'

useBuiltWorkers()

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
})
process.exitCode = code
