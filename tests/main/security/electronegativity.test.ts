import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isCI } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'

/**
 * Doyensec's Electron scanner over src/: no HIGH finding, and each MEDIUM one
 * is justified by a comment naming its check just above the line it points
 * at. The scanner is heavy (its own ESLint and TypeScript), so it is not a
 * devDependency: the test runs it from npm's cache (offline) and says so when
 * the cache does not have it: `npx @doyensec/electronegativity@1.10.3 --help` once fills it.
 */
const root = resolve(import.meta.dirname, '../../..')
const scanner = '@doyensec/electronegativity@1.10.3'
let temp: { path: string; cleanup: () => Promise<void> }

beforeAll(async () => {
  temp = await makeTempDir('copydesk-electronegativity-')
})
afterAll(() => temp.cleanup())

interface Finding {
  check: string
  severity: string
  file: string
  line: number
}

const parseCsv = (csv: string): Finding[] =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => /^([A-Z_]+),"([A-Z]+)","[A-Z]+","([^"]+)","(\d+):\d+"/.exec(row))
    .flatMap((match) => (match ? [{ check: match[1]!, severity: match[2]!, file: match[3]!, line: Number(match[4]) }] : []))

describe('Electronegativity scan of src/', () => {
  it('finds no HIGH, and every MEDIUM is justified by a comment at its line', async (context) => {
    const { version } = JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
    const out = join(temp.path, 'findings.csv')
    const run = await promisify(execFile)('npx', ['--offline', '--yes', scanner, '-i', join(root, 'src'), '-e', version, '-o', out], {
      cwd: temp.path,
      timeout: 300_000
    }).catch((error: unknown) => error as Error)
    if (run instanceof Error) {
      // .ci/run fills the cache, so under CI a missing scanner is a failure, not a skip.
      if (isCI) throw run
      context.skip(`${scanner} is not in npm's cache and this test runs it offline (${run.message.split('\n')[0]})`)
      return
    }
    const findings = parseCsv(await readFile(out, 'utf8'))
    expect(findings.length, 'the scanner read src/').toBeGreaterThan(0)
    expect(findings.filter((f) => f.severity === 'HIGH')).toEqual([])
    const unjustified: Finding[] = []
    for (const finding of findings.filter((f) => f.severity === 'MEDIUM')) {
      if (finding.file === 'N/A') {
        unjustified.push(finding)
        continue
      }
      const lines = (await readFile(finding.file, 'utf8')).split('\n')
      const above = lines.slice(Math.max(0, finding.line - 4), finding.line).join('\n')
      if (!above.includes(`Electronegativity ${finding.check}`)) unjustified.push(finding)
    }
    expect(unjustified).toEqual([])
  }, 360_000)
})
