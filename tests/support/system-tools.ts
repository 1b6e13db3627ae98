import { appendFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { beforeAll, beforeEach, describe, type TestContext } from 'vitest'

/**
 * System tools some tests need. On a developer's machine a missing tool skips those tests with
 * one line (and the run ends with a summary of what to install, see skip-summary.ts); under
 * CI=true it fails them, so CI never loses coverage silently.
 */
const tools = {
  chromium: { find: () => executable(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'), install: 'apt-get install chromium' },
  java: { find: () => onPath('java'), install: 'apt-get install default-jre-headless' },
  hugo: { find: () => onPath('hugo'), install: 'apt-get install hugo' },
  jekyll: { find: () => onPath('jekyll'), install: 'apt-get install jekyll' },
  git: { find: () => onPath('git'), install: 'apt-get install git' },
  'cmark-gfm': { find: () => onPath('cmark-gfm'), install: 'apt-get install cmark-gfm' },
  electron: { find: electronBinary, install: 'node node_modules/electron/install.js (needs internet)' },
  display: {
    find: () => (process.platform !== 'linux' || process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY'] ? 'display' : undefined),
    install: 'run the tests under xvfb-run'
  }
} satisfies Record<string, { find: () => string | undefined; install: string }>

export type SystemTool = keyof typeof tools

export const isCI = process.env['CI'] === 'true' || process.env['CI'] === '1'

/** Where the tool lives, or undefined when this machine lacks it. */
export function findTool(tool: SystemTool): string | undefined {
  return tools[tool].find()
}

/** The first of `needed` this machine lacks, with how to install it. */
export function missingTool(needed: readonly SystemTool[]): { tool: SystemTool; install: string } | undefined {
  const tool = needed.find((name) => findTool(name) === undefined)
  return tool && { tool, install: tools[tool].install }
}

/**
 * Call at the top of a test file (or of a describe) whose tests need system tools. When one is
 * missing there, every test is skipped with a one-line reason (`skip` is true, for
 * `describe.skipIf` where suites have hooks of their own); under CI=true they fail instead.
 */
export function needsTools(needed: readonly SystemTool[], what: string): { skip: boolean } {
  const verdict = judge(needed, what)
  if (verdict === 'present') return { skip: false }
  if (verdict instanceof Error) {
    beforeAll(() => {
      throw verdict
    })
    return { skip: false }
  }
  beforeEach((context) => context.skip(verdict.reason))
  return { skip: true }
}

/** A describe block that needs system tools: skipped (its hooks too) with a one-line reason, or failed under CI=true. */
export function describeWithTools(needed: readonly SystemTool[], name: string, body: () => void): void {
  const verdict = judge(needed, name)
  if (verdict !== 'present' && !(verdict instanceof Error)) return void describe.skip(name, body)
  describe(name, () => {
    if (verdict instanceof Error)
      beforeAll(() => {
        throw verdict
      })
    body()
  })
}

/** The same, for one test among others that do not need the tool: call first thing in the test. */
export function needsToolsNow(context: TestContext, needed: readonly SystemTool[], what: string): void {
  const verdict = judge(needed, what)
  if (verdict instanceof Error) throw verdict
  if (verdict !== 'present') context.skip(verdict.reason)
}

/** Present; missing, to skip (said once, and logged for the run's summary); or missing under CI, an error. */
function judge(needed: readonly SystemTool[], what: string): 'present' | { reason: string } | Error {
  const missing = missingTool(needed)
  if (!missing) return 'present'
  const reason = `${missing.tool} is not installed (${missing.install})`
  if (isCI && requiredInCI(missing.tool)) return new Error(`${what}: ${reason}; CI=true requires every system tool, so this fails instead of skipping.`)
  console.warn(`[skipped] ${what}: ${reason}`)
  const log = process.env['COPYDESK_SKIP_LOG']
  if (log) appendFileSync(log, `${JSON.stringify({ suite: what, tool: missing.tool, install: missing.install })}\n`)
  return { reason }
}

/**
 * Electron's program cannot be downloaded where installs set ELECTRON_SKIP_BINARY_DOWNLOAD (this
 * CI does); there its absence is declared, not a lost tool, and the tests that need it skip.
 */
const requiredInCI = (tool: SystemTool): boolean =>
  !((tool === 'electron' || tool === 'display') && process.env['ELECTRON_SKIP_BINARY_DOWNLOAD'])

function onPath(command: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, command)
    if (executable(candidate)) return candidate
  }
  return undefined
}

function executable(path: string): string | undefined {
  return path && existsSync(path) ? path : undefined
}

function electronBinary(): string | undefined {
  try {
    return executable(createRequire(import.meta.url)('electron') as unknown as string)
  } catch {
    return undefined
  }
}
