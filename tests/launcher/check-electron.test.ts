import { execFile } from 'node:child_process'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { findTool } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'

const root = resolve(import.meta.dirname, '../..')
const tsx = join(root, 'node_modules/.bin/tsx')
const check = join(root, 'src/launcher/check-electron.ts')

async function run(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { cwd, env: { ...process.env, npm_config_loglevel: 'error' } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

/** A project folder holding electron's real package files, with or without the program its install script fetches. */
async function project(withBinary: boolean): Promise<string> {
  const temp = await makeTempDir('copydesk-start-')
  cleanups.push(temp.cleanup)
  const electronDir = join(temp.path, 'node_modules/electron')
  await mkdir(join(electronDir, 'dist'), { recursive: true })
  await writeFile(join(temp.path, 'package.json'), '{"name":"site","private":true}')
  for (const file of ['package.json', 'index.js']) await copyFile(join(root, 'node_modules/electron', file), join(electronDir, file))
  if (withBinary) {
    await writeFile(join(electronDir, 'path.txt'), 'electron')
    await writeFile(join(electronDir, 'dist/electron'), '')
  }
  return temp.path
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

const oneLineNoStack = (stderr: string): void => {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/)
}

describe('npm start without Electron’s program', () => {
  it('says in one line what is missing and the command that fetches it, and exits non-zero', async () => {
    const result = await run(tsx, [check], await project(false))
    expect(result.code).not.toBe(0)
    oneLineNoStack(result.stderr)
    expect(result.stderr).toMatch(/Electron’s program is not installed|Electron's program is not installed/)
    expect(result.stderr).toContain('Fetch it with: node node_modules/electron/install.js')
  })

  it('lets the app start when the program is there', async () => {
    const result = await run(tsx, [check], await project(true))
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
  })

  it('asks for npm install when the packages are not installed at all', async () => {
    const temp = await makeTempDir('copydesk-start-')
    cleanups.push(temp.cleanup)
    const result = await run(tsx, [check], temp.path)
    expect(result.code).not.toBe(0)
    oneLineNoStack(result.stderr)
    expect(result.stderr).toContain('Run: npm install')
  })

  it.skipIf(findTool('electron') !== undefined)('is what `npm start` runs first in this project (here the program is absent)', async () => {
    const result = await run('npm', ['start', '--silent'], root)
    expect(result.code).not.toBe(0)
    oneLineNoStack(result.stderr)
    expect(result.stderr).toContain('Fetch it with: node node_modules/electron/install.js')
  })
})
