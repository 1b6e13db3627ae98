import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitOnBranch, isGitRepo } from '../../../src/main/site-export/git'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { git, initSiteRepo } from './fixture-library'

const gitTool = needsTools(['git'], 'commits into a git site')

describe.skipIf(gitTool.skip)('commitOnBranch', () => {
  let temp: { path: string; cleanup: () => Promise<void> }
  beforeEach(async () => {
    temp = await makeTempDir('copydesk-git-')
    await initSiteRepo(temp.path)
  })
  afterEach(() => temp.cleanup())

  it('knows a git work tree from a plain folder', async () => {
    const plain = await makeTempDir('copydesk-plain-')
    expect(await isGitRepo(temp.path)).toBe(true)
    expect(await isGitRepo(plain.path)).toBe(false)
    await plain.cleanup()
  })

  it('commits only the exported paths on a new branch, leaving other work uncommitted', async () => {
    await mkdir(join(temp.path, 'content/posts'), { recursive: true })
    await writeFile(join(temp.path, 'content/posts/a.md'), 'A\n')
    await writeFile(join(temp.path, 'content/posts/*literal[1].md'), 'B\n')
    await writeFile(join(temp.path, 'notes.txt'), 'the editor’s own work in progress\n')
    const message = 'Export 2 articles from Copydesk\n\n- A\n- B\n'

    const result = await commitOnBranch(temp.path, 'copydesk/export', { written: ['content/posts/a.md', 'content/posts/*literal[1].md'], removed: [] }, message)

    expect(result.branch).toBe('copydesk/export')
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/)
    expect((await git(temp.path, 'branch', '--show-current')).trim()).toBe('copydesk/export')
    expect(await git(temp.path, 'log', '-1', '--format=%B')).toBe(`${message}\n`)
    const files = (await git(temp.path, 'show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()
    expect(files).toEqual(['content/posts/*literal[1].md', 'content/posts/a.md'])
    expect(await git(temp.path, 'status', '--porcelain')).toBe('?? notes.txt\n')
    // main is untouched
    expect((await git(temp.path, 'log', '-1', '--format=%s', 'main')).trim()).toBe('Start the site')
  })

  it('commits removals, skips removed files git never knew, and reports when nothing changed', async () => {
    await writeFile(join(temp.path, 'old.md'), 'old\n')
    await commitOnBranch(temp.path, 'export', { written: ['old.md'], removed: [] }, 'Add old')
    await rm(join(temp.path, 'old.md'))

    const removal = await commitOnBranch(temp.path, 'export', { written: [], removed: ['old.md', 'never-tracked.md'] }, 'Remove old')
    expect(removal.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(await git(temp.path, 'ls-files')).toBe('hugo.toml\n')

    const nothing = await commitOnBranch(temp.path, 'export', { written: ['hugo.toml'], removed: [] }, 'Nothing')
    expect(nothing.commit).toBeNull()
  })

  it('refuses a branch name git would not accept, in plain words', async () => {
    await expect(commitOnBranch(temp.path, 'bad..name', { written: [], removed: [] }, 'x')).rejects.toThrow(/not a valid git branch name/)
    await expect(commitOnBranch(temp.path, '--force', { written: [], removed: [] }, 'x')).rejects.toThrow(/not a valid git branch name/)
  })
})
