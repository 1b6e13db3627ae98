import { execSync } from 'node:child_process'
import { resolve } from 'node:path'

/**
 * Vitest global setup: the CLI tests run the built CLI, so build it from the current sources first (esbuild, under a second).
 * `npm test` has just built it (its `npm run build` ends with build:cli), then runs the files as `test:files`
 * (beside the type-check and lint: vitest's two workers spend much of their time waiting on children, disks
 * and browsers, which leaves those two CPU time), so a run started that way does not build it again.
 */
export default function setup(): void {
  if (process.env['npm_lifecycle_event'] === 'test:files') return
  execSync('npm run -s build:cli', { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' })
}
