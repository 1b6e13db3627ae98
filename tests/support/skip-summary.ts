import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Vitest global setup: test files record the suites they skip for a missing system tool in one
 * log (workers inherit the environment), and the run ends with one summary of what to install.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-skips-'))
  const log = join(dir, 'skips.jsonl')
  process.env['COPYDESK_SKIP_LOG'] = log
  return () => {
    const skips = readSkips(log)
    rmSync(dir, { recursive: true, force: true })
    if (skips.length === 0) return
    const byTool = new Map<string, { install: string; suites: string[] }>()
    for (const skip of skips) {
      const entry = byTool.get(skip.tool) ?? { install: skip.install, suites: [] }
      entry.suites.push(skip.suite)
      byTool.set(skip.tool, entry)
    }
    const lines = [...byTool].map(([tool, { install, suites }]) => `  ${tool} (${suites.join(', ')}): ${install}`)
    console.warn(`\nSkipped for missing system tools (CI=true runs them all):\n${lines.join('\n')}\n`)
  }
}

function readSkips(log: string): { suite: string; tool: string; install: string }[] {
  try {
    return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { suite: string; tool: string; install: string })
  } catch {
    return []
  }
}
