import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

const root = resolve(import.meta.dirname, '../..')
/** The built CLI, as `npm run copydesk` and `npx copydesk` run it (the test run builds it first: tests/support/skip-summary.ts). */
export const builtCli = resolve(root, 'out/cli/copydesk.mjs')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the built CLI in a child process. */
export async function runCopydesk(args: string[], options: { cwd?: string } = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [builtCli, ...args], {
      cwd: options.cwd ?? root,
      maxBuffer: 64 * 1024 * 1024
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}
