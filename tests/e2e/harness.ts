import { existsSync, readdirSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { findTool, needsTools } from '../support/system-tools'
import { channelForIpc, ipcEventChannel, type EventName, type EventPayload } from '../../src/shared/ipc/contract'
import { fail } from '../../src/shared/ipc/result'
import { dispatch, type HandlerContext } from '../../src/main/ipc/dispatch'
import { FolderGrants } from '../../src/main/folders/folder-grants'
import { AppStartup } from '../../src/main/startup/app-startup'
import { openSettingsStore, type SettingsStore } from '../../src/main/settings/settings-store'
import { settingsView } from '../../src/main/settings/settings-view'
import { openLibrary, type Library } from '../../src/main/library/library'
import { followLibraryChanges } from '../../src/main/library/switch-library'
import { openStartupLibrary } from '../../src/main/library/startup'
import type { Services } from '../../src/main/services'
import { useBundledThread } from '../../src/main/threads/start-thread'
import { makeTempDir } from '../support/temp-dir'
import { startRendererServer, type RendererServer } from './renderer-server'

/**
 * Runs the built renderer in Debian's Chromium with `window.copydesk` built by
 * the real preload bundle (out/preload/index.cjs) and answered by the very
 * handlers main registers, over a real library in a temp folder. Only the
 * transport differs from Electron: a Playwright binding instead of ipcMain.
 * Every file comes from a local HTTP server with the app's CSP header, as
 * main's scheme serves it (renderer-server.ts), and any CSP violation fails
 * the test like an uncaught error does.
 */
const root = resolve(import.meta.dirname, '../..')
// Parallel work can build elsewhere (`electron-vite build --outDir out-x`) and point here.
const outDir = resolve(root, process.env['COPYDESK_OUT_DIR'] ?? 'out')
export const rendererDir = join(outDir, 'renderer')
const preloadFile = join(outDir, 'preload/index.cjs')

// Imports parse on the thread electron-vite bundled, as in the app (and without bundling it again from sources).
const chunks = join(outDir, 'main/chunks')
const importWorker = existsSync(chunks) ? readdirSync(chunks).find((name) => /^import-worker-.*\.js$/.test(name)) : undefined
if (importWorker) useBundledThread('import', join(chunks, importWorker))
export const artifactsDir = join(root, 'tests/artifacts')

let workerServer: Promise<RendererServer> | undefined
const rendererServer = (): Promise<RendererServer> => (workerServer ??= startRendererServer(rendererDir))

const viewport = { width: 1280, height: 800 }

export const chromiumPath = findTool('chromium') ?? '/usr/bin/chromium'

/**
 * Headless Chromium gives every browser context a window of its own, and every such window loads the address bar's
 * popup, a web page of Chromium's own (chrome://omnibox-popup.top-chrome) in a renderer of its own, as the app's page
 * loads: about as much CPU as the app's own renderer takes to show the library. An Electron window has no address bar,
 * so the harness turns the popup off (WebUIOmniboxPopup, WebUIOmniboxAimPopup). Chromium honours only the last
 * --disable-features it is given, so this one repeats those Playwright passes first (playwright-core 1.65.1,
 * chromiumSwitches.ts).
 */
const disabledFeatures = [
  ...['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable'],
  ...['LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect'],
  ...['TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'],
  ...['msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion'],
  ...['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']
]
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${disabledFeatures.join(',')}`
]

/** `extraFlags` go after the harness's own, e.g. V8 flags for a test that measures the heap. */
export function launchBrowser(extraFlags: readonly string[] = []): Promise<Browser> {
  if (!findTool('chromium')) throw new Error(`Chromium not found at ${chromiumPath}: run .ci/run or apt-get install chromium`)
  if (!existsSync(preloadFile)) throw new Error('The app is not built: run `npm run build` first')
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumFlags, ...extraFlags] })
}

/**
 * The Chromium every file without flags of its own shares within its worker, since e2e files run in one
 * process after another (no isolation, tests/vitest.config.ts): a launch costs seconds of CPU. Each test
 * still opens its own context. Playwright ends the browser when the worker exits.
 */
let sharedBrowser: Promise<Browser> | undefined
function workerBrowser(): Promise<Browser> {
  if (!sharedBrowser) {
    const launching = launchBrowser()
    sharedBrowser = launching
    // A browser that crashed or failed to start is launched afresh for the next file.
    const forget = (): void => {
      if (sharedBrowser === launching) sharedBrowser = undefined
    }
    launching.then((browser) => browser.on('disconnected', forget), forget)
  }
  return sharedBrowser
}

/**
 * A Chromium for all the tests of the calling file, handed to `onLaunch` before they run: the worker's shared
 * one, or with `extraFlags` one of the file's own, closed after. Contexts a failed test left open are closed
 * after the file, so the next file starts from a browser with none.
 */
export function useBrowser(onLaunch: (browser: Browser) => void, extraFlags: readonly string[] = []): void {
  if (needsTools(['chromium'], 'Chromium end-to-end tests').skip) return
  const own = extraFlags.length > 0
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = own ? await launchBrowser(extraFlags) : await workerBrowser()
    onLaunch(browser)
  })
  afterAll(async () => {
    if (own) return browser?.close()
    const idle = browser && idleTabs.get(browser)?.page.context()
    await Promise.all(browser?.contexts().filter((context) => context !== idle).map((context) => context.close()) ?? [])
  })
}

/**
 * How IPC payloads cross between the page and the test's main: one JSON string each way, with bytes (the
 * Uint8Arrays of imports and images) as base64. Handed plain objects, Playwright walks them value by value on
 * both sides; a 10,000-row article list cost seconds of CPU that way, and the saves of a 5 MB paste far more.
 * Values JSON would carry otherwise than Electron's structured clone (a Date, Map, Set, Error, other binary, a
 * function) are refused, so no test passes on what the real IPC would deliver differently. Runs in the page and in Node.
 */
function ipcWire() {
  const BYTES = '$copydeskBytes'
  const toBase64 = (bytes: Uint8Array): string => {
    let text = ''
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(text)
  }
  const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
  return {
    pack(value: unknown): string | undefined {
      return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
        const raw = this[key]
        if (raw instanceof Uint8Array) return { [BYTES]: toBase64(raw) }
        const cloneDiffers = raw instanceof Date || raw instanceof Map || raw instanceof Set || raw instanceof Error || raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)
        if (cloneDiffers || typeof raw === 'function' || typeof raw === 'symbol') {
          throw new TypeError(`IPC payload holds a ${Object.prototype.toString.call(raw).slice(8, -1)} at "${key}", which JSON carries otherwise than Electron's IPC`)
        }
        return encoded
      })
    },
    unpack(text: string | undefined): unknown {
      if (text === undefined) return undefined
      return JSON.parse(text, (_key, value: unknown) =>
        value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[BYTES] === 'string'
          ? fromBase64((value as Record<string, string>)[BYTES]!)
          : value
      )
    }
  }
}
const wire = ipcWire()

/** Stands in for Electron's `require('electron')` inside the preload bundle. */
const electronShim = `
  const require = (() => {
    // Run by tsx (the bench), ipcWire's source calls esbuild's keepNames helper, which the page lacks.
    const __name = (target) => target;
    const wire = (${ipcWire.toString()})();
    const listeners = new Map();
    window.__copydeskEmit = (channel, text) => {
      const payload = wire.unpack(text);
      for (const listener of listeners.get(channel) ?? []) listener({}, payload);
    };
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value: Object.freeze(value) })
      },
      ipcRenderer: {
        invoke: async (channel, payload) => wire.unpack(await window.__copydeskInvoke(channel, wire.pack(payload))),
        on: (channel, listener) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel).add(listener);
        },
        removeListener: (channel, listener) => listeners.get(channel)?.delete(listener)
      },
      // Where Electron would say a picked or dropped file lives: the paths a test gives by name, else none.
      webUtils: { getPathForFile: (file) => (window.__copydeskFilePaths ?? {})[file.name] ?? '' }
    };
    return (name) => {
      if (name !== 'electron') throw new Error('A sandboxed preload cannot require ' + name);
      return electron;
    };
  })();
  const module = { exports: {} };
  const exports = module.exports;
`

/** Keeps every CSP violation the page reports, for close() to fail on. */
const cspWatch = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline') + ' (' + (event.sample || event.sourceFile + ':' + event.lineNumber) + ')');
  });
`

/**
 * A browser tab with the preload and the CSP watch installed, whose IPC goes to `invoke`: the app of the test
 * that holds it, or none. Opening a tab costs Chromium about a second of CPU (a context, a renderer process)
 * and loading the app into a fresh one compiles every script again, which together made most of an e2e test's
 * fixed cost; so a closed app's tab goes back to its browser, blank, for the next test to load its own app in.
 * Nothing of the app outlives the navigation: its state lives in main's library and settings, which are the
 * test's own, a tab it left browser storage in is closed instead, and a tab serves one test at a time.
 */
interface AppTab {
  page: Page
  invoke: ((channel: string, payload: unknown) => unknown) | null
  /** Scripts of a test of its own (`beforeLoad`, a React commit recorder) would run in every later app: such a tab is closed instead. */
  reusable: boolean
}

const idleTabs = new WeakMap<Browser, AppTab>()
const tabOfPage = new WeakMap<Page, AppTab>()

async function takeTab(browser: Browser, beforeLoad: string | undefined): Promise<AppTab> {
  const idle = idleTabs.get(browser)
  idleTabs.delete(browser)
  if (idle && !idle.page.isClosed() && !beforeLoad) {
    await idle.page.setViewportSize(viewport)
    return idle
  }
  const context = await browser.newContext({ viewport })
  // Waits end when the page shows what the test expects; the long default only matters on a laptop whose cores are busy
  // elsewhere, where a window can take many seconds to draw (the suite must pass there too).
  context.setDefaultTimeout(90_000)
  const page = await context.newPage()
  const tab: AppTab = { page, invoke: null, reusable: !beforeLoad }
  tabOfPage.set(page, tab)
  await page.exposeBinding('__copydeskInvoke', async (_source, channel: string, payload: string | undefined) =>
    wire.pack(await (tab.invoke ? tab.invoke(channel, wire.unpack(payload)) : fail('unknown-channel', 'This window\'s app has closed')))
  )
  const preload = await readFile(preloadFile, 'utf8')
  await page.addInitScript({ content: cspWatch })
  await page.addInitScript({ content: `(() => {${electronShim}\n${preload}\n})()` })
  if (beforeLoad) await page.addInitScript({ content: beforeLoad })
  return tab
}

/** Ends the app in `tab` as closing it would (its calls stop reaching main, its page goes) and keeps the tab for the next test when it can. */
async function releaseTab(browser: Browser, tab: AppTab): Promise<void> {
  tab.invoke = null
  const { page } = tab
  if (tab.reusable && !page.isClosed() && !idleTabs.has(browser) && !(await holdsWebStorage(page))) {
    const blank = await page
      .goto('about:blank')
      .then(() => page.mouse.move(0, 0))
      .then(
        () => true,
        () => false
      )
    if (blank) {
      idleTabs.set(browser, tab)
      return
    }
  }
  await page.context().close()
}

/** Whether the app left anything in the browser's storage, which the next test's app would find: then its tab is not reused. */
const holdsWebStorage = (page: Page): Promise<boolean> =>
  page
    .evaluate(async () => localStorage.length + sessionStorage.length + (await indexedDB.databases()).length > 0)
    .catch(() => true)

/** For a test that adds scripts of its own to the page: its tab is closed with its app, not handed to the next test. */
export function keepPageToItself(page: Page): void {
  const tab = tabOfPage.get(page)
  if (tab) tab.reusable = false
}

export interface AppSession {
  page: Page
  settings: SettingsStore
  userDataDir: string
  libraryDir: string
  /** The services the handlers run on; `services.library` is the library open right now. Throws until the app has started. */
  services: Services
  /** Folders the app asked the file manager to show. */
  revealed: string[]
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
    /**
     * CSP directives a test expects the page to refuse, e.g. the style attributes and <style> of pasted HTML,
     * which the clipboard cleaner parses in a document that inherits the policy. Any other violation fails the test.
     */
    cspRefusalsExpected?: readonly string[]
    /** A script the page runs before any of its own, e.g. the bench's watch for the article list's first row. */
    beforeLoad?: string
  } = {}
): Promise<AppSession> {
  const server = await rendererServer()
  // As main starts: it serves the renderer (reading the window's first files) before it opens the library.
  server.appStarts()
  const temp = options.userDataDir ? null : await makeTempDir('copydesk-e2e-')
  const userDataDir = options.userDataDir ?? temp!.path
  const settings = await openSettingsStore(userDataDir)
  const defaultFolder = join(userDataDir, 'Library')
  const folders = new FolderGrants()
  const revealed: string[] = []
  const chooseFolder = options.chooseFolder ?? (async () => null)
  // The library open right now, whichever it is after a switch: its images are the ones the page may load.
  const media = server.serveMedia(() => startup.started?.library.dir ?? null)
  // As main starts: a library that will not open leaves the window showing why, with ways out.
  const startup = new AppStartup({
    open: async (folder) => ({
      appInfo: { name: 'Copydesk', version: '0.0.0-test', platform: process.platform, mediaBaseUrl: media.mediaBaseUrl },
      settings,
      folders,
      library: folder
        ? await openStartupLibrary(settings, defaultFolder, folder)
        : (options.library ?? (await openLibrary(defaultFolder))),
      chooseFolder,
      chooseSiteFolder: options.chooseSiteFolder ?? (async () => null),
      chooseExportFile: options.chooseExportFile ?? (async () => null),
      chooseReviewBundleFile: options.chooseReviewBundleFile ?? (async () => null)
    }),
    defaultFolder,
    chooseFolder,
    revealFolder: (folder) => void revealed.push(folder),
    // As main does: what the CLI changes in the open library reaches the renderer.
    onStarted: (services) => followLibraryChanges(services, (info) => ctx.emit('libraryChanged', info))
  })
  const started = (): Services => {
    if (!startup.started) throw new Error('The app has not started: its library did not open')
    return startup.started
  }
  const handlers = startup.handlers

  const tab = await takeTab(browser, options.beforeLoad)
  const { page } = tab
  const calls: AppSession['calls'] = []
  // Once closed, this session's events must not reach the page, which may by then show another test's app.
  let live = true
  const emit = async <E extends EventName>(name: E, payload: EventPayload<E>): Promise<void> => {
    if (!live) return
    await page.evaluate(([channel, data]) => (window as unknown as { __copydeskEmit: (c: string, p: string | undefined) => void }).__copydeskEmit(channel, data), [ipcEventChannel(name), wire.pack(payload)] as const)
  }
  const ctx: HandlerContext = { emit: (name, payload) => void emit(name, payload).catch(() => undefined) }
  const unsubscribe = settings.subscribe((next) => ctx.emit('settingsChanged', settingsView(next, folders)))
  await startup.start()

  tab.invoke = (channel, payload) => {
    calls.push({ channel, payload })
    const name = channelForIpc(channel)
    return name ? dispatch(handlers, name, payload, ctx) : fail('unknown-channel', `Unknown channel ${channel}`)
  }

  const errors: string[] = []
  const onError = (error: Error): void => void errors.push(error.message)
  page.on('pageerror', onError)
  await page.goto(`${server.origin}/index.html`)

  return {
    page,
    settings,
    userDataDir,
    libraryDir: startup.started?.library.dir ?? defaultFolder,
    get services() {
      return started()
    },
    revealed,
    calls,
    emit,
    async close() {
      live = false
      unsubscribe()
      media.release()
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => [])
      const expected = new Set(options.cspRefusalsExpected ?? [])
      errors.push(...violations.filter((violation) => !expected.has(violation.split(' ')[0]!)).map((violation) => `CSP: ${violation}`))
      page.off('pageerror', onError)
      await releaseTab(browser, tab)
      await startup.started?.library.close()
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
