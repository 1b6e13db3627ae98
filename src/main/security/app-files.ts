import { readFile } from 'node:fs/promises'
import { appResponseHeaders, resolveAppFile } from './app-scheme'

export interface AppFile {
  body: Buffer<ArrayBuffer>
  headers: Record<string, string>
}

export interface AppFiles {
  /** The file a URL of the app scheme asks for, with its headers, or null (404). */
  get(url: string): Promise<AppFile | null>
  /** Reads the page at `entryUrl` and the files it loads first into memory, for the window to find there; settles once they are read. */
  warm(entryUrl: string): Promise<void>
}

/** The scripts, styles and module preloads the built index.html names (Vite writes them as ./assets/…). */
const firstLoadPaths = (html: string): string[] => [...html.matchAll(/\b(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]!)

/**
 * The built renderer's files as main serves them, found by resolveAppFile's checks. A file read from disk on request
 * cost four to seven trips to the file system (two real paths, a stat, the read) on main's thread pool, each waiting
 * for a core, and at start-up the window asks for its page, scripts and styles all at once. So the page and the files it
 * loads first are read as the app starts, before the window asks, and kept (about 400 kB: the build does not change
 * under a running app). Only those: any other URL is read when asked, so a page cannot make main keep what it likes.
 */
export function appFiles(rendererDir: string): AppFiles {
  const kept = new Map<string, Promise<AppFile | null>>()
  const read = async (url: string): Promise<AppFile | null> => {
    const file = await resolveAppFile(rendererDir, url)
    const body = file ? await readFile(file).catch(() => null) : null
    return file && body ? { body, headers: appResponseHeaders(file) } : null
  }
  const keep = (url: string): Promise<AppFile | null> => {
    const reading = read(url)
    kept.set(url, reading)
    // A file missing now may be there later (a build still being written): it is looked up again when asked.
    void reading.then((found) => {
      if (!found) kept.delete(url)
    })
    return reading
  }
  return {
    get: (url) => kept.get(url) ?? read(url),
    async warm(entryUrl) {
      const page = await keep(entryUrl)
      await Promise.all((page ? firstLoadPaths(page.body.toString('utf8')) : []).map((path) => keep(new URL(path, entryUrl).href)))
    }
  }
}
