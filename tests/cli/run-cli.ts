import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

const root = resolve(import.meta.dirname, '../..')
const tsx = resolve(root, 'node_modules/.bin/tsx')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real CLI entry as `npm run copydesk` does, in a child process. */
export async function runCopydesk(args: string[], options: { cwd?: string; input?: string } = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [resolve(root, 'src/cli/index.ts'), ...args], {
      cwd: options.cwd ?? root,
      maxBuffer: 64 * 1024 * 1024
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}
