import { execSync } from 'node:child_process'
import { resolve } from 'node:path'

/** Vitest global setup: the CLI tests run the built CLI, so build it from the current sources first (esbuild, under a second). */
export default function setup(): void {
  execSync('npm run -s build:cli', { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' })
}
