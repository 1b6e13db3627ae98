import { describe, expect, it } from 'vitest'
import { runCopydesk } from './run-cli'

describe('copydesk CLI', () => {
  it('prints its usage with --help and exits 0', async () => {
    const run = await runCopydesk(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: copydesk/m)
    expect(run.stdout).toContain('--library <dir>')
  })

  it('answers an unknown command with one plain line on stderr and exit code 1', async () => {
    const run = await runCopydesk(['frobnicate'])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^copydesk: \S/)
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/)
  })
})
