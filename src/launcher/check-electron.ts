import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * Run before `npm start`: Electron's program arrives through its package's install script, which
 * npm 11 runs only when package.json's allowScripts approves it and which cannot reach the
 * download server offline. Without the program, electron-vite would end in a stack trace; this
 * says in one line what is missing and the command that fetches it.
 */
function electronProblem(projectDir: string): string | null {
  const require = createRequire(join(projectDir, 'package.json'))
  let packageDir: string
  try {
    packageDir = join(require.resolve('electron/package.json'), '..')
  } catch {
    return 'Copydesk cannot start: its packages are not installed. Run: npm install'
  }
  const fetch = `node ${join('node_modules', 'electron', 'install.js')}`
  try {
    const binary = require('electron') as unknown
    if (typeof binary === 'string' && existsSync(binary)) return null
  } catch {
    // electron's index throws when its install script never ran (no path.txt): the same answer.
  }
  return `Copydesk cannot start: Electron's program is not installed in ${packageDir} (its download was skipped or failed). Fetch it with: ${fetch}`
}

const problem = electronProblem(process.cwd())
if (problem) {
  console.error(problem)
  process.exitCode = 1
}
