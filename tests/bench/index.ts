import { fork } from 'node:child_process'
import { librarySection } from './library-section'
import { exportSection } from './export-section'
import { typingSection } from './typing-section'
import { cliSection } from './cli-section'
import { syncSection } from './sync-section'
import { windowSection } from './window-section'
import type { BenchSection } from './section'

/**
 * `npm run bench [section…]`: prints performance figures, each section
 * comparing against a baseline it measures in the same run. Add a section by
 * writing one file that exports a BenchSection and listing it here.
 */
const sections: BenchSection[] = [librarySection, exportSection, typingSection, cliSection, syncSection, windowSection]

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !sections.some((s) => s.name === name))
if (unknown.length) {
  console.error(`bench: no section called ${unknown.join(', ')}; there are ${sections.map((s) => s.name).join(', ')}`)
  process.exit(1)
}
const chosen = sections.filter((s) => wanted.length === 0 || wanted.includes(s.name))

/**
 * One section alone runs here; several run one after another, each in a
 * process of its own, as the app's main process holds one library: a section
 * run after others would otherwise pay for what they left (the sync's git
 * processes fork a process of over 1 GB after the library and export
 * sections, ~15 ms of system time per start).
 */
function inItsOwnProcess(section: BenchSection): Promise<void> {
  return new Promise((done, failed) => {
    const child = fork(import.meta.filename, [section.name], { stdio: 'inherit' })
    child.once('error', failed)
    child.once('exit', (code, signal) => (code === 0 ? done() : failed(new Error(`the ${section.name} section ended with ${signal ?? `code ${code}`}`))))
  })
}

for (const section of chosen) {
  if (chosen.length === 1) {
    console.log(`\n== ${section.name} ==`)
    await section.run((line) => console.log(line))
  } else await inItsOwnProcess(section)
}
