import { chmod, cp, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { previewSiteExport, runSiteExport } from '../../../src/main/site-export/site-export'
import { describeWithTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { fixtureLibrary, git, initSiteRepo } from './fixture-library'

/**
 * A site repository is somebody else's: its config and hooks may name
 * programs. Every one of them here leaves a marker file if git runs it.
 */
const hooks = ['post-checkout', 'pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-index-change', 'reference-transaction', 'pre-auto-gc']

let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let site: string
let markers: string

async function trap(dir: string, name: string, passThrough = false): Promise<string> {
  const file = join(dir, name)
  // Filters pass their input through, so git carries on as if nothing happened.
  await writeFile(file, `#!/bin/sh\necho ran > '${join(markers, name)}'\n${passThrough ? 'cat\n' : ''}`)
  await chmod(file, 0o755)
  return file
}

/** A site repository whose config, hooks and attributes each try to run a program. */
async function hostileSiteRepo(dir: string): Promise<void> {
  await initSiteRepo(dir)
  const traps = join(temp.path, 'traps')
  const hooksDir = join(temp.path, 'hooks')
  await mkdir(traps)
  await mkdir(hooksDir)
  for (const hook of hooks) {
    await trap(hooksDir, hook)
    await trap(join(dir, '.git/hooks'), hook)
  }
  const config: [string, string][] = [
    ['core.fsmonitor', await trap(traps, 'fsmonitor')],
    ['core.hooksPath', hooksDir],
    ['filter.evil.clean', await trap(traps, 'filter-clean', true)],
    ['filter.evil.smudge', await trap(traps, 'filter-smudge', true)],
    ['filter.evil.required', 'true'],
    ['filter.proc.process', await trap(traps, 'filter-process')],
    ['diff.evil.textconv', await trap(traps, 'diff-textconv', true)],
    ['diff.evil.command', await trap(traps, 'diff-command')],
    ['diff.external', await trap(traps, 'diff-external')],
    ['commit.gpgSign', 'true'],
    ['gpg.program', await trap(traps, 'gpg')],
    ['gc.auto', '1'],
    ['gc.autoDetach', 'false'],
    ['core.editor', await trap(traps, 'editor')],
    ['core.pager', await trap(traps, 'pager')],
    ['core.sshCommand', await trap(traps, 'ssh')]
  ]
  for (const [key, value] of config) await git(dir, 'config', key, value)
  await writeFile(join(dir, '.gitattributes'), '*.md filter=evil diff=evil\n*.html filter=proc diff=evil\n*.toml filter=evil\n')
  await writeFile(join(dir, '.git/info/attributes'), '* filter=evil diff=evil\n')
}

const markersLeft = async (): Promise<string[]> => (await readdir(markers)).sort()

beforeEach(async () => {
  temp = await makeTempDir('copydesk-git-safety-')
  markers = join(temp.path, 'markers')
  await mkdir(markers)
  library = await fixtureLibrary(join(temp.path, 'library'))
  site = join(temp.path, 'site')
  await mkdir(site)
  await hostileSiteRepo(site)
})
afterEach(async () => {
  await library.close()
  await temp.cleanup()
})

describeWithTools(['git'], 'git in a site folder runs nothing the site names', () => {
  it('the traps are real: plain git runs the fsmonitor, the clean filter and the hooks', async () => {
    const copy = join(temp.path, 'copy')
    await cp(site, copy, { recursive: true })
    await writeFile(join(copy, 'new.md'), 'x\n')
    const quietly = (...args: string[]) => git(copy, ...args).catch(() => '')
    await quietly('status')
    await quietly('add', 'new.md')
    await quietly('switch', '-c', 'trial')
    expect(await markersLeft()).toEqual(expect.arrayContaining(['filter-clean', 'fsmonitor', 'post-checkout', 'post-index-change']))
  }, 60_000)

  it('preview, export and export with a commit on a new branch, then on it again, leave no marker', async () => {
    const request = { siteDir: site, profile: 'hugo' as const, siteKit: true }
    const plan = await previewSiteExport(library, request, { today: '2025-11-01' })
    expect(plan.gitRepo).toBe(true)
    await runSiteExport(library, { ...request, commitBranch: 'copydesk/export' }, { today: '2025-11-01' })
    expect((await git(site, 'log', '-1', '--format=%s', 'copydesk/export')).trim()).toMatch(/^Export/)
    await writeFile(join(site, 'content/posts/netflix-bets-big-on-generative-ai.md'), 'changed by hand\n')
    const again = await runSiteExport(library, { ...request, overwriteConflicts: true, commitBranch: 'copydesk/export' }, { today: '2025-11-02' })
    expect(again.commit?.branch).toBe('copydesk/export')
    expect(await markersLeft()).toEqual([])
    // The files went in as written: no filter touched them on the way.
    const committed = await git(site, 'show', 'copydesk/export:content/posts/netflix-bets-big-on-generative-ai.md')
    expect(committed).toMatch(/^---\n/)
    expect(again.written.map((file) => file.path)).toContain('content/posts/netflix-bets-big-on-generative-ai.md')
  }, 60_000)
})
