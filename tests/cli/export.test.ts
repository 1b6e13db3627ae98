import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SiteExportPlan, SiteExportReport } from '../../src/shared/export-api'
import { profiles } from '../../src/shared/export'
import { MANIFEST_NAME } from '../../src/main/site-export/manifest'
import { netflixArticle } from '../fixtures/netflix'
import { needsToolsNow } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'
import { fixtureLibrary, git, initSiteRepo, snapshot } from '../main/site-export/fixture-library'
import { runCopydesk } from './run-cli'

const netflix = netflixArticle()
let temp: { path: string; cleanup: () => Promise<void> }
let libraryDir: string

beforeAll(async () => {
  temp = await makeTempDir('copydesk-cli-export-')
  libraryDir = join(temp.path, 'library')
  await (await fixtureLibrary(libraryDir)).close()
})
afterAll(() => temp.cleanup())

const copydesk = (...args: string[]) => runCopydesk(['--library', libraryDir, 'export', ...args])
const site = async (name: string): Promise<string> => {
  const dir = join(temp.path, name)
  await mkdir(dir)
  return dir
}

// Each case starts the real CLI (tsx) once or more: about 1.5 s a run on this machine.
const slow = { timeout: 120_000 }

describe('copydesk export (one article)', slow, () => {
  it('prints the article as a standalone HTML page, found by its slug', async () => {
    const run = await copydesk(netflix.slug, '--format', 'html')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^<!doctype html>/i)
    expect(run.stdout).toContain(`<h1>${netflix.title}</h1>`)
  })

  it('writes Markdown for a profile to --out, front matter included, leaving stdout empty', async () => {
    const file = join(temp.path, 'netflix.md')
    const run = await copydesk(netflix.id, '--format', 'md', '--profile', 'hugo', '--out', file)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    const text = await readFile(file, 'utf8')
    const front = parseYaml(text.split('---\n')[1]!) as { title: string; slug: string }
    expect(front).toMatchObject({ title: netflix.title, slug: netflix.slug })
  })

  it('answers bad input with exit code 1 and one plain line on stderr', async () => {
    for (const args of [[netflix.slug, '--format', 'pdf'], ['no-such-article', '--format', 'html'], [netflix.slug, '--format', 'md', '--profile', 'wordpress']]) {
      const run = await copydesk(...args)
      expect(run.code).toBe(1)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toMatch(/^copydesk: \S/)
    }
  })
})

describe('copydesk export --all', slow, () => {
  it('--dry-run --json prints the plan as JSON on stdout, progress on stderr, and writes nothing', async () => {
    const dir = await site('dry-run-site')
    const run = await copydesk('--all', '--to', dir, '--profile', 'jekyll', '--site-kit', '--dry-run', '--json')
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout) as SiteExportPlan
    expect(plan.articleCount).toBe(3)
    expect(plan.added).toHaveLength(3 + profiles.jekyll.siteKit().length)
    expect(plan.added.filter((file) => file.kind === 'article').every((file) => file.path.startsWith('_posts/2025-10-22-'))).toBe(true)
    expect(run.stderr).toMatch(/reading articles 3\/3/)
    expect(await readdir(dir)).toEqual([])
  })

  it('exports into the site, and a second run reports nothing written', async () => {
    const dir = await site('hugo-site')
    const first = await copydesk('--all', '--to', dir, '--profile', 'hugo', '--site-kit')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Exported 3 articles .*: 5 written, 0 unchanged, 0 removed/)
    expect(await readFile(join(dir, 'content/posts', `${netflix.slug}.md`), 'utf8')).toContain(netflix.title)
    const before = await snapshot(dir)

    const second = await copydesk('--all', '--to', dir, '--profile', 'hugo', '--site-kit', '--json')
    expect(second.code).toBe(0)
    const report = JSON.parse(second.stdout) as SiteExportReport
    expect(report.written).toEqual([])
    expect(report.unchanged).toHaveLength(5)
    expect(await snapshot(dir)).toEqual(before)
  })

  it('--commit puts the export on the named branch of a git site', async (context) => {
    needsToolsNow(context, ['git'], 'copydesk export --commit')
    const dir = await site('git-site')
    await initSiteRepo(dir)
    const run = await copydesk('--all', '--to', dir, '--profile', 'astro', '--commit', '--branch', 'copydesk/cli')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Committed on branch copydesk\/cli as [0-9a-f]{12}/)
    expect((await git(dir, 'branch', '--show-current')).trim()).toBe('copydesk/cli')
    const files = (await git(dir, 'show', '--name-only', '--format=', 'HEAD')).trim().split('\n')
    expect(files).toContain(MANIFEST_NAME)
    expect(files).toContain(profiles.astro.articlePath(netflix))
  })

  it('refuses a missing --to, a bad status and a missing site folder in one plain line each', async () => {
    for (const args of [
      ['--all', '--profile', 'hugo'],
      ['--all', '--to', temp.path, '--profile', 'hugo', '--status', 'approved,lost'],
      ['--all', '--to', join(temp.path, 'nowhere'), '--profile', 'hugo']
    ]) {
      const run = await copydesk(...args)
      expect(run.code).toBe(1)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toMatch(/^copydesk: \S/)
    }
  })
})
