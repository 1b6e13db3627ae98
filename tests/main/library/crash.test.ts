import { spawn } from 'node:child_process'
import { access, readdir, utimes } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyText } from '../../../src/shared/article/body'
import { LOCK_DIR } from '../../../src/main/library/layout'
import { isAlive } from '../../../src/main/library/lock'
import { openLibrary } from '../../../src/main/library/library'
import { bundleScript } from '../../support/node-script'
import { makeTempDir } from '../../support/temp-dir'
import { saveFields } from './crash-saves'

/** Kills at random moments of the writer's loop, after its first acknowledged save. */
const RANDOM_KILLS = 34
/**
 * Kills just before the 1st, 2nd… 48th call that changes the disk: opening
 * the library takes 14 to 17 such calls and each save 14 more (counted with
 * the kill switch's list, which sees the calls on file handles as one `open`),
 * so this crashes at every step of opening and of two saves. The 18 kills
 * past that (there were 66) met the same steps of a third save again, each
 * costing a Node start. The first test checks that the last kills still come
 * after two acknowledged saves, should opening or saving take more calls.
 */
const STEP_KILLS = 48
/** Saves a step kill must have seen acknowledged before its kill, for the steps to cover two whole saves. */
const SAVES_COVERED = 2
/**
 * The kills run in this many chains side by side, each over its own library,
 * since a kill mostly waits on a new Node starting and on fsync. Kill points
 * go round-robin (steps 1, 4, 7… on one library), so each chain still meets
 * early and late steps on a library that grew through the kills before.
 */
const CHAINS = 3
const inChains = <T>(kills: T[]): T[][] => Array.from({ length: CHAINS }, (_, chain) => kills.filter((_, i) => i % CHAINS === chain))

interface KillTally {
  /** Kills that left the lock held. */
  lockLeft: number
  /** The most saves one killed writer had acknowledged. */
  mostAcks: number
}

/** Runs killAndWriteAgain on each chain's library at once; resolves with the tallies of all chains together. */
async function killInChains(name: string, kills: (number | null)[]): Promise<KillTally> {
  const tallies = await Promise.all(inChains(kills).map((chain, i) => killAndWriteAgain(join(temp.path, `${name}-${i}`), chain)))
  return { lockLeft: tallies.reduce((sum, t) => sum + t.lockLeft, 0), mostAcks: Math.max(...tallies.map((t) => t.mostAcks)) }
}

let temp: Awaited<ReturnType<typeof makeTempDir>>
let writer: string

beforeAll(async () => {
  temp = await makeTempDir('copydesk-crash-')
  writer = await bundleScript(join(import.meta.dirname, 'crash-writer.ts'), join(temp.path, 'crash-writer.cjs'))
})
afterAll(() => temp.cleanup())

/**
 * Runs the writer until it is SIGKILLed: by itself at its `killAtCall`-th
 * change to the disk, or else by this test a random moment after its first
 * acknowledged save. Resolves with what it printed.
 */
function runUntilKilled(dir: string, first: number, killAtCall: number | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, COPYDESK_KILL_AT_CALL: String(killAtCall ?? 0) }
    const child = spawn(process.execPath, [writer, dir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'], env })
    let out = ''
    let err = ''
    let scheduled = false
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (killAtCall === null && !scheduled && out.includes('\nack ')) {
        scheduled = true
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 40)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`writer stopped on its own: ${err}`))))
  })
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false)

/**
 * Kills the writer once per entry of `kills`, and after each kill checks,
 * as the next writer: the library opens, every acknowledged save is there
 * whole, in the file and the index, and a new save goes through, whether the
 * lock the killed writer left is fresh or (every other time) as old as if
 * the user came back later. Returns how many kills left the lock held, and
 * the most saves one writer had acknowledged when killed.
 */
async function killAndWriteAgain(dir: string, kills: (number | null)[]): Promise<KillTally> {
  const acknowledged = new Map<string, number>()
  const acknowledge = (id: string, n: number): void => void acknowledged.set(id, Math.max(acknowledged.get(id) ?? 0, n))
  let first = 1
  let lockLeft = 0
  let mostAcks = 0
  await (await openLibrary(dir, 'create')).close()
  for (const [kill, killAtCall] of kills.entries()) {
    const out = await runUntilKilled(dir, first, killAtCall)
    const which = `kill ${kill} on ${basename(dir)}${killAtCall === null ? '' : `, at disk call ${killAtCall}`}`
    let acks = 0
    for (const line of out.split('\n')) {
      const match = /^ack (\S+) (\d+)$/.exec(line)
      if (match) {
        acknowledge(match[1]!, Number(match[2]))
        acks++
      }
    }
    mostAcks = Math.max(mostAcks, acks)
    const lock = join(dir, LOCK_DIR)
    if (await exists(lock)) {
      lockLeft++
      const later = new Date(Date.now() - 60_000)
      if (kill % 2 === 1) await utimes(lock, later, later)
    }

    const library = await openLibrary(dir, 'existing', { indexNow: false })
    try {
      const listed = new Map((await library.listArticles({})).map((hit) => [hit.id, hit]))
      for (const [id, n] of acknowledged) {
        const article = await library.getArticle(id)
        const stored = Number(/^save (\d+)$/.exec(article.dek)?.[1])
        // The acknowledged save, or a later one that reached the disk just before the kill.
        expect(stored, `article ${id} after ${which}`).toBeGreaterThanOrEqual(n)
        expect(article.title).toBe(`Save ${stored}`)
        expect(bodyText(article.body)).toBe(`Body of save ${stored}.`)
        expect(listed.get(id)?.title, 'the index agrees with the file').toBe(article.title)
      }
      expect(library.info().notices.filter((notice) => !notice.startsWith('The library index was missing'))).toEqual([])

      const [id] = listed.keys()
      if (id) {
        const n = first + 999
        await library.saveArticle(id, saveFields(n))
        acknowledge(id, n)
      }
    } finally {
      await library.close()
    }
    expect(await exists(lock), `the lock is released after ${which}`).toBe(false)
    const drafts = (await readdir(dir)).filter((name) => name.startsWith(`${LOCK_DIR}.`) && name.endsWith('.owner') && !isAlive(Number(name.split('.')[2])))
    expect(drafts, 'owner drafts of killed writers are cleared').toEqual([])
    first += 1000
  }
  return { lockLeft, mostAcks }
}

describe('crash safety', () => {
  it(`keeps every acknowledged save, and lets the next writer in, when the writer is killed at each of its first ${STEP_KILLS} changes to the disk`, async () => {
    const steps = Array.from({ length: STEP_KILLS }, (_, i) => i + 1)
    const { lockLeft, mostAcks } = await killInChains('steps', steps)
    console.info(`[crash] ${STEP_KILLS} kills at each step of a write; ${lockLeft} left the lock held; the latest came after ${mostAcks} acknowledged saves`)
    // Most steps of opening and writing happen holding the lock: those are the kills this is about.
    expect(lockLeft).toBeGreaterThan(STEP_KILLS / 2)
    expect(mostAcks, `the last kills came after ${SAVES_COVERED} acknowledged saves, so every step of them was a kill point: if not, raise STEP_KILLS`).toBeGreaterThanOrEqual(SAVES_COVERED)
  }, 1_200_000)

  it(`keeps every acknowledged save, and lets the next writer in, when the writer is killed at random moments, ${RANDOM_KILLS} times`, async () => {
    const { lockLeft } = await killInChains('random', Array.from({ length: RANDOM_KILLS }, () => null))
    console.info(`[crash] ${RANDOM_KILLS} kills at random moments; ${lockLeft} left the lock held`)
  }, 1_200_000)
})
