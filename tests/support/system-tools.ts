import { appendFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { describe, it } from 'vitest'

/**
 * System tools some tests need. On a developer's machine a missing tool skips those tests with
 * one line (and the run ends with a summary of what to install); under CI=true it fails them,
 * so CI never loses coverage silently.
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
 * `describe` for a suite that needs system tools: skipped with a one-line reason when one is
 * missing, failed instead under CI.
 */
export function describeWithTools(needed: readonly SystemTool[], name: string, body: () => void): void {
  const missing = missingTool(needed)
  if (!missing) {
    describe(name, body)
    return
  }
  const reason = `${missing.tool} is not installed (${missing.install})`
  if (isCI) {
    describe(name, () => {
      it(`needs ${missing.tool}`, () => {
        throw new Error(`${reason}; CI=true requires every system tool, so this suite fails instead of skipping.`)
      })
    })
    return
  }
  console.warn(`[skipped] ${name}: ${reason}`)
  const log = process.env['COPYDESK_SKIP_LOG']
  if (log) appendFileSync(log, `${JSON.stringify({ suite: name, tool: missing.tool, install: missing.install })}\n`)
  describe.skip(name, body)
}

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
