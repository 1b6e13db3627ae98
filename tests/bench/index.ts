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
for (const section of sections.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n== ${section.name} ==`)
  await section.run((line) => console.log(line))
}
