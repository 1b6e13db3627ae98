import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from './support/temp-dir'

const root = resolve(import.meta.dirname, '..')

/** The README's command-line walkthrough, line by line, as a newcomer copies it. */
async function walkthrough(): Promise<string[]> {
  const readme = await readFile(join(root, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Command line'))
  const block = /```sh\n([\s\S]*?)```/.exec(section)
  if (!block) throw new Error('The README has no command-line example block')
  return block[1]!.split('\n').filter((line) => line.trim() !== '')
}

let home: Awaited<ReturnType<typeof makeTempDir>>
beforeAll(async () => {
  home = await makeTempDir('copydesk-readme-')
})
afterAll(() => home.cleanup())

describe('the README', () => {
  // Eight npm runs one after another: with the cores busy elsewhere they took over the default two minutes.
  it('command-line examples all work when run in order, in a fresh home folder', { timeout: 300_000 }, async () => {
    const outputs: string[] = []
    for (const line of await walkthrough()) {
      // A real shell, so `~` and quoting behave as for the reader; HOME is a fresh folder.
      const run = await promisify(execFile)('bash', ['-c', line], { cwd: root, env: { ...process.env, HOME: home.path }, maxBuffer: 16 * 1024 * 1024 }).catch(
        (error: { code?: number; stdout?: string; stderr?: string }) => {
          throw new Error(`README example failed (exit ${error.code}): ${line}\n${error.stderr ?? ''}`)
        }
      )
      outputs.push(run.stdout)
    }
    const output = outputs.join('\n')
    expect(output).toMatch(/^Usage: copydesk/m)
    expect(output).toContain('<!doctype html>')
    // The dry run over drafts selects nothing, and says why and what to change.
    expect(output).toMatch(/No article was exported: only articles that are Approved or Published are exported, and the library holds 2 Draft\./)
    expect(output).toMatch(/Choose which statuses to export with --status/)
    expect(output).toMatch(/Exported 2 articles to /)
    const exported = await readFile(join(home.path, 'site/content/posts/netflix-bets-big-on-generative-ai.md'), 'utf8')
    expect(exported).toMatch(/^---\ntitle: /)
  })
})
