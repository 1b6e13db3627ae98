import { existsSync, readdirSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { channelForIpc, ipcEventChannel, type EventName, type EventPayload } from '../../src/shared/ipc/contract'
import { fail } from '../../src/shared/ipc/result'
import { dispatch, type HandlerContext } from '../../src/main/ipc/dispatch'
import { createHandlers } from '../../src/main/ipc/handlers'
import { openSettingsStore, type SettingsStore } from '../../src/main/settings/settings-store'
import { openLibrary, type Library } from '../../src/main/library/library'
import { followLibraryChanges } from '../../src/main/library/switch-library'
import { resolveMediaFile } from '../../src/main/library/media'
import type { Services } from '../../src/main/services'
import { useBundledThread } from '../../src/main/threads/start-thread'
import { makeTempDir } from '../support/temp-dir'

/**
 * Runs the built renderer in Debian's Chromium with `window.copydesk` built by
 * the real preload bundle (out/preload/index.cjs) and answered by the very
 * handlers main registers, over a real library in a temp folder. Only the
 * transport differs from Electron: a Playwright binding instead of ipcMain.
 */
const root = resolve(import.meta.dirname, '../..')
// Parallel work can build elsewhere (`electron-vite build --outDir out-x`) and point here.
const outDir = resolve(root, process.env['COPYDESK_OUT_DIR'] ?? 'out')
const rendererDir = join(outDir, 'renderer')
const preloadFile = join(outDir, 'preload/index.cjs')

// Imports parse on the thread electron-vite bundled, as in the app (and without bundling it again from sources).
const chunks = join(outDir, 'main/chunks')
const importWorker = existsSync(chunks) ? readdirSync(chunks).find((name) => /^import-worker-.*\.js$/.test(name)) : undefined
if (importWorker) useBundledThread('import', join(chunks, importWorker))
export const artifactsDir = join(root, 'tests/artifacts')
const origin = 'http://copydesk.test'
const mediaBaseUrl = `${origin}/__media/`

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run .ci/run or apt-get install chromium`)
  if (!existsSync(preloadFile)) throw new Error('The app is not built: run `npm run build` first')
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags })
}

/** One Chromium for all the tests of the calling file, handed to `onLaunch` before they run and closed after. */
export function useBrowser(onLaunch: (browser: Browser) => void): void {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
    onLaunch(browser)
  })
  afterAll(async () => {
    await browser?.close()
  })
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

/** Stands in for Electron's `require('electron')` inside the preload bundle. */
const electronShim = `
  const require = (() => {
    const listeners = new Map();
    window.__copydeskEmit = (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener({}, payload);
    };
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value: Object.freeze(value) })
      },
      ipcRenderer: {
        invoke: (channel, payload) => window.__copydeskInvoke(channel, payload),
        on: (channel, listener) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel).add(listener);
        },
        removeListener: (channel, listener) => listeners.get(channel)?.delete(listener)
      }
    };
    return (name) => {
      if (name !== 'electron') throw new Error('A sandboxed preload cannot require ' + name);
      return electron;
    };
  })();
  const module = { exports: {} };
  const exports = module.exports;
`

export interface AppSession {
  page: Page
  settings: SettingsStore
  userDataDir: string
  libraryDir: string
  /** The services the handlers run on; `services.library` is the library open right now. */
  services: Services
  /** Every IPC call the renderer made, for tests that check what crossed the boundary. */
  calls: { channel: string; payload: unknown }[]
  emit<E extends EventName>(name: E, payload: EventPayload<E>): Promise<void>
  close(): Promise<void>
}

export async function openApp(
  browser: Browser,
  options: {
    userDataDir?: string
    chooseFolder?: () => Promise<string | null>
    chooseSiteFolder?: Services['chooseSiteFolder']
    chooseExportFile?: Services['chooseExportFile']
    chooseReviewBundleFile?: Services['chooseReviewBundleFile']
    library?: Library
  } = {}
): Promise<AppSession> {
  const temp = options.userDataDir ? null : await makeTempDir('copydesk-e2e-')
  const userDataDir = options.userDataDir ?? temp!.path
  const settings = await openSettingsStore(userDataDir)
  const services: Services = {
    appInfo: { name: 'Copydesk', version: '0.0.0-test', platform: process.platform, mediaBaseUrl },
    settings,
    library: options.library ?? (await openLibrary(join(userDataDir, 'Library'))),
    chooseFolder: options.chooseFolder ?? (async () => null),
    chooseSiteFolder: options.chooseSiteFolder ?? (async () => null),
    chooseExportFile: options.chooseExportFile ?? (async () => null),
    chooseReviewBundleFile: options.chooseReviewBundleFile ?? (async () => null)
  }
  const libraryDir = services.library.dir
  const handlers = createHandlers(services)

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const calls: AppSession['calls'] = []
  const emit = async <E extends EventName>(name: E, payload: EventPayload<E>): Promise<void> => {
    await page.evaluate(([channel, data]) => (window as unknown as { __copydeskEmit: (c: string, p: unknown) => void }).__copydeskEmit(channel, data), [ipcEventChannel(name), payload] as const)
  }
  const ctx: HandlerContext = { emit: (name, payload) => void emit(name, payload).catch(() => undefined) }
  const unsubscribe = settings.subscribe((next) => ctx.emit('settingsChanged', next))
  // As main does: what the CLI changes in the open library reaches the renderer.
  followLibraryChanges(services, (info) => ctx.emit('libraryChanged', info))

  await page.exposeBinding('__copydeskInvoke', (_source, channel: string, payload: unknown) => {
    calls.push({ channel, payload })
    const name = channelForIpc(channel)
    return name ? dispatch(handlers, name, payload, ctx) : fail('unknown-channel', `Unknown channel ${channel}`)
  })
  const preload = await readFile(preloadFile, 'utf8')
  await page.addInitScript({ content: `(() => {${electronShim}\n${preload}\n})()` })

  await page.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname
    if (path.startsWith('/__media/')) {
      const media = await resolveMediaFile(services.library.dir, decodeURIComponent(path.slice('/__media/'.length)))
      return media ? route.fulfill({ path: media }) : route.fulfill({ status: 404 })
    }
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : decodeURIComponent(path)))
    if (!file.startsWith(rendererDir + sep) || !existsSync(file)) return route.fulfill({ status: 404 })
    return route.fulfill({
      body: await readFile(file),
      contentType: mimeTypes[extname(file)] ?? 'application/octet-stream'
    })
  })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${origin}/index.html`)

  return {
    page,
    settings,
    userDataDir,
    libraryDir,
    services,
    calls,
    emit,
    async close() {
      unsubscribe()
      await context.close()
      await services.library.close()
      await temp?.cleanup()
      if (errors.length) throw new Error(`The renderer threw: ${errors.join('; ')}`)
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true })
  const path = join(artifactsDir, `${name}.png`)
  await page.screenshot({ path })
  return path
}
