import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join, relative, resolve, sep } from 'node:path'
import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, describe, expect, it } from 'vitest'
import { channelNames, contract, type ChannelName } from '../../../src/shared/ipc/contract'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { openLibrary } from '../../../src/main/library/library'
import { changeStatus } from '../../../src/main/library/review-status'
import { addHostingPromo } from '../library/temp-library'
import { FolderGrants } from '../../../src/main/folders/folder-grants'
import type { Services } from '../../../src/main/services'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { makeTempDir } from '../../support/temp-dir'
import { plainWordsProblem } from '../../support/plain-words'
import { arbitraryFor } from '../../support/zod-arbitrary'

/**
 * Property-based fuzzing of every channel of the contract, through the same
 * dispatch main registers, over a real library and settings in a sandbox.
 * Requests come from each channel's own zod schema (so a channel added to
 * the contract, or one whose schema changes, is fuzzed with no change here),
 * mixed with arbitrary values, keys set to undefined, and hostile strings
 * wherever a string goes: paths inside and outside the sandbox, the ids of
 * real articles, control characters. For every request: dispatch resolves,
 * and a refusal is in plain words. After each channel's run: every library
 * in the sandbox reopens with no notices, and no file outside the places the
 * app may write changed.
 */
const RUNS = Number(process.env['COPYDESK_FUZZ_RUNS'] ?? 30)

interface Sandbox {
  root: string
  services: Services
  /** Ids and names worth trying: real articles, a revision, a promo. */
  known: string[]
  /** Where the app may write: the library, settings, the chosen site and export folders. */
  writable: string[]
  cleanup: () => Promise<void>
}

async function sandbox(): Promise<Sandbox> {
  const temp = await makeTempDir('copydesk-fuzz-')
  const root = temp.path
  const userData = join(root, 'user-data')
  const [site, other, exports, outside] = ['site', 'other-library', 'exports', 'outside'].map((name) => join(root, name))
  for (const dir of [userData, site!, other!, exports!, join(outside!, 'photos')]) await mkdir(dir, { recursive: true })
  await writeFile(join(outside!, 'notes.txt'), 'A file that belongs to nobody but its owner.')
  await writeFile(join(outside!, 'photos', 'beach.jpg'), 'not really a photo')
  const settings = await openSettingsStore(userData)
  const services: Services = {
    appInfo: { name: 'Copydesk', version: '1.0.0', platform: 'linux', mediaBaseUrl: 'copydesk-media://library/' },
    settings,
    folders: new FolderGrants(),
    library: await openLibrary(join(userData, 'Library')),
    chooseFolder: async () => other!,
    chooseSiteFolder: async () => site!,
    chooseExportFile: async (name) => join(exports!, basename(name)),
    chooseReviewBundleFile: async (name) => join(exports!, basename(name))
  }
  await settings.update({ profile: { name: 'Sam Ortiz', role: 'editor' } })
  const library = services.library
  const first = await library.createArticle({ title: 'Streaming wars', tags: ['tv'] })
  const second = await library.createArticle({ title: 'Approved piece', description: 'Ready.' })
  const snapshot = await library.takeSnapshot(first.id, 'Before edits')
  const promo = await addHostingPromo(library)
  // An approved article, so exports have something to write.
  for (const to of ['in-review', 'approved'] as const) await changeStatus(library, { id: second.id, to, note: 'Fine.' }, { name: 'Sam Ortiz', role: 'editor' })
  const known = [first.id, second.id, snapshot.id, promo]
  return {
    root,
    services,
    known,
    writable: [userData, site!, other!, exports!],
    cleanup: async () => {
      await services.library.close()
      await temp.cleanup()
    }
  }
}

/** Strings offered wherever a request takes one: paths of every kind, real ids, text that breaks naive code. */
function hostileStrings(box: Sandbox): string[] {
  const [site, other, exports] = box.writable.slice(1)
  return [
    site!, other!, exports!, box.services.library.dir,
    join(box.root, 'outside', 'notes.txt'), join(box.root, 'missing', 'deeper'), `${site}${sep}..${sep}..${sep}missing`,
    'relative/folder', '../missing-next-door', './', '~', '~/Library', 'C:\\Users\\sam\\Site', '\\\\server\\share',
    `${site}\0`, 'a\0b', '\0', '', ' ', '\t\n', '/sys/copydesk-fuzz', '/sys', 'x'.repeat(300), 'é'.repeat(5000),
    'file:///etc/passwd', 'javascript:alert(1)', '<script>alert(1)</script>', '../../../../../../etc/passwd',
    '__proto__', 'constructor', 'toString', 'current', 'undefined', 'null', '{"theme":"dark"}', '\u202eevil', '🙂'
  ]
}

/** Every file under `root` outside the writable places, with a hash of its content. */
async function outsideFiles(root: string, writable: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  const pending = [root]
  while (pending.length) {
    const dir = pending.pop()!
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (writable.some((place) => path === place || path.startsWith(place + sep))) continue
      if (entry.isDirectory()) pending.push(path)
      else files.set(relative(root, path), entry.isFile() ? createHash('sha256').update(await readFile(path)).digest('hex') : entry.isSymbolicLink() ? 'link' : 'other')
    }
  }
  return files
}

/** Libraries anywhere in the sandbox: each must reopen as it was left, with nothing set aside. */
async function libraryNotices(root: string): Promise<string[]> {
  const notices: string[] = []
  const pending = [root]
  while (pending.length) {
    const dir = pending.pop()!
    const entries = await readdir(dir, { withFileTypes: true })
    if (entries.some((entry) => entry.name === 'articles' && entry.isDirectory())) {
      const library = await openLibrary(dir, 'existing', { indexNow: false })
      notices.push(...library.info().notices.map((notice) => `${relative(root, dir)}: ${notice}`))
      await library.close()
      continue
    }
    for (const entry of entries) if (entry.isDirectory()) pending.push(join(dir, entry.name))
  }
  return notices
}

/**
 * A request for `name`: from its schema mostly, else anything at all, or the schema's with extra undefined keys.
 * A channel that takes no payload has one valid request, the same every time, and on the sync channels each one
 * runs git several times: a fifth of its runs send it, the rest send payloads it must refuse.
 */
function requests(name: ChannelName, box: Sandbox): fc.Arbitrary<unknown> {
  if (contract[name].request instanceof z.ZodUndefined) {
    return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }) })
  }
  const derived = arbitraryFor(contract[name].request, { known: box.known, hostile: hostileStrings(box) })
  return fc.oneof(
    { weight: 6, arbitrary: derived },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }) },
    {
      weight: 1,
      arbitrary: fc.tuple(derived, fc.constantFrom('comments', 'suggestionDecisions', 'title', 'theme', 'path', 'id', 'changes', 'body')).map(([request, key]) =>
        typeof request === 'object' && request !== null ? { ...request, [key]: undefined } : request
      )
    }
  )
}

/** Every string in a request read as a path, relative ones from the working folder as Node reads them. */
function namedPaths(request: unknown, cwd: string): string[] {
  const found: string[] = []
  const pending = [request]
  while (pending.length) {
    const value = pending.pop()
    if (typeof value === 'string' && value.trim() && !value.includes('\0')) found.push(resolve(cwd, value))
    else if (typeof value === 'object' && value !== null) pending.push(...Object.values(value))
  }
  return found
}

const tally = new Map<string, { cases: number; ok: number; refused: Map<string, number> }>()
const originalCwd = process.cwd()

afterAll(() => {
  process.chdir(originalCwd)
  const rows = [...tally].map(([name, t]) => `${name.padEnd(26)} ${String(t.cases).padStart(4)} cases  ${String(t.ok).padStart(4)} ok  ${[...t.refused].map(([code, n]) => `${code} ${n}`).join(', ')}`)
  const total = [...tally.values()].reduce((sum, t) => sum + t.cases, 0)
  console.log(`IPC fuzz: ${tally.size} channels × ${RUNS} runs, ${total} cases\n${rows.join('\n')}`)
})

describe('every channel of the contract, fuzzed', () => {
  for (const name of channelNames) {
    it(`${name}: resolves, refuses in plain words, leaves every library whole and nothing outside touched`, { timeout: 600_000 }, async () => {
      const box = await sandbox()
      // Relative paths resolve against the working folder: make it the chosen site folder, not the repository.
      process.chdir(box.writable[1]!)
      const before = await outsideFiles(box.root, box.writable)
      const handlers = createHandlers(box.services)
      const ctx: HandlerContext = { emit: () => undefined }
      const t = { cases: 0, ok: 0, refused: new Map<string, number>() }
      const named = new Set<string>()
      tally.set(name, t)
      const original = console.error
      console.error = () => undefined
      try {
        await fc.assert(
          fc.asyncProperty(requests(name, box), async (request) => {
            for (const path of namedPaths(request, box.writable[1]!)) named.add(path)
            const result = await dispatch(handlers, name, request, ctx)
            t.cases++
            if (result.ok) t.ok++
            else {
              t.refused.set(result.error.code, (t.refused.get(result.error.code) ?? 0) + 1)
              const problem = plainWordsProblem(result.error.message)
              if (problem) throw new Error(`${name} answered ${problem}`)
            }
          }),
          { numRuns: RUNS, endOnFailure: true }
        )
      } finally {
        console.error = original
        process.chdir(originalCwd)
      }
      try {
        expect(await libraryNotices(box.root)).toEqual([])
        // Today openLibrary takes a raw path, relative ones read from main's working folder, and starts a
        // library in a missing or empty folder a request names; issue 13 replaces such paths with handles.
        // Only folders that held nothing before are excused.
        const heldFiles = (place: string) => [...before.keys()].some((file) => join(box.root, file) === place || join(box.root, file).startsWith(place + sep))
        const created = [...named].filter((path) => path.startsWith(box.root + sep) && !heldFiles(path))
        expect(await outsideFiles(box.root, [...box.writable, ...created])).toEqual(before)
      } finally {
        await box.cleanup()
      }
    })
  }
})
