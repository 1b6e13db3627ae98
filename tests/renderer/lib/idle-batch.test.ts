import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as IdleBatch from '../../../src/renderer/src/lib/idle-batch'

// The browser's idle callbacks, as far as the module uses them: asked for, cancelled, run when the test says so.
const pending = new Map<number, () => void>()
const reported: unknown[] = []
let next = 0
let batch: typeof IdleBatch

beforeAll(async () => {
  vi.stubGlobal('requestIdleCallback', (run: () => void) => (pending.set(++next, run), next))
  vi.stubGlobal('cancelIdleCallback', (handle: number) => pending.delete(handle))
  vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
  batch = await import('../../../src/renderer/src/lib/idle-batch')
})
afterAll(() => {
  vi.unstubAllGlobals()
})

function idle(): void {
  const runs = [...pending.values()]
  pending.clear()
  for (const run of runs) run()
}

describe('one idle callback for everything waiting', () => {
  beforeEach(() => idle())

  it('asks the browser once for all the runs waiting, and runs each once, however often it was asked for', () => {
    const ran: string[] = []
    const toolbar = (): void => void ran.push('toolbar')
    const rail = (): void => void ran.push('rail')
    batch.whenIdle(toolbar)
    batch.whenIdle(rail)
    batch.whenIdle(toolbar)
    expect(pending.size).toBe(1)
    idle()
    expect(ran).toEqual(['toolbar', 'rail'])
    idle()
    expect(ran).toEqual(['toolbar', 'rail'])
  })

  it('runs in the next idle callback what is asked for while one runs', () => {
    const ran: string[] = []
    const second = (): void => void ran.push('second')
    batch.whenIdle(() => {
      ran.push('first')
      batch.whenIdle(second)
    })
    idle()
    expect(ran).toEqual(['first'])
    expect(pending.size).toBe(1)
    idle()
    expect(ran).toEqual(['first', 'second'])
  })

  it('runs every other reader when one throws, and reports its error as an uncaught one', () => {
    const ran: string[] = []
    const broken = new Error('the rail could not read the editor')
    batch.whenIdle(() => {
      throw broken
    })
    batch.whenIdle(() => void ran.push('toolbar'))
    idle()
    expect(ran).toEqual(['toolbar'])
    expect(reported).toEqual([broken])
  })

  it('drops a cancelled run, and the idle callback once nothing else waits', () => {
    const ran: string[] = []
    const menu = (): void => void ran.push('menu')
    const rail = (): void => void ran.push('rail')
    batch.whenIdle(menu)
    batch.whenIdle(rail)
    batch.cancelIdle(menu)
    expect(pending.size).toBe(1)
    batch.cancelIdle(rail)
    expect(pending.size).toBe(0)
    batch.whenIdle(menu)
    idle()
    expect(ran).toEqual(['menu'])
  })
})
