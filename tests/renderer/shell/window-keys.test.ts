import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as WindowKeysModule from '../../../src/renderer/src/shell/window-keys'

/** The renderer's window, as far as the module uses it, counting the keydown listeners the browser would call. */
class Page extends EventTarget {
  listeners = 0
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    if (args[0] === 'keydown' && args[1]) this.listeners++
    super.addEventListener(...args)
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    if (args[0] === 'keydown' && args[1]) this.listeners--
    super.removeEventListener(...args)
  }
}
const page = new Page()
const reported: unknown[] = []
let onWindowKey: typeof WindowKeysModule.onWindowKey

beforeAll(async () => {
  vi.stubGlobal('window', page)
  vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
  ;({ onWindowKey } = await import('../../../src/renderer/src/shell/window-keys'))
})
afterAll(() => {
  vi.unstubAllGlobals()
})

const key = (name: string): void => void page.dispatchEvent(Object.assign(new Event('keydown'), { key: name }))

describe("the window's key handlers", () => {
  it('all run at each key, in the order they were added, from one listener that goes with the last of them', () => {
    const seen: string[] = []
    const offs = ['save', 'find', 'sync'].map((name) => onWindowKey((event) => seen.push(`${name}:${event.key}`)))
    expect(page.listeners).toBe(1)
    key('s')
    expect(seen).toEqual(['save:s', 'find:s', 'sync:s'])
    offs[1]!()
    key('f')
    expect(seen.slice(3)).toEqual(['save:f', 'sync:f'])
    offs[0]!()
    offs[2]!()
    expect(page.listeners).toBe(0)
    key('x')
    expect(seen).toHaveLength(5)
  })

  it('one removed by an earlier one in the same key does not run; one added during a key runs from the next', () => {
    const seen: string[] = []
    let offLater = (): void => undefined
    let offAdded = (): void => undefined
    const offFirst = onWindowKey(() => {
      seen.push('first')
      offLater()
      offAdded = onWindowKey(() => seen.push('added'))
    })
    offLater = onWindowKey(() => seen.push('later'))
    key('a')
    expect(seen).toEqual(['first'])
    offFirst()
    key('b')
    expect(seen).toEqual(['first', 'added'])
    offAdded()
  })

  it('one that throws does not keep the others from the key, and its error is reported as an uncaught one', () => {
    const broken = new Error('a shortcut broke')
    const ran = vi.fn()
    const offs = [
      onWindowKey(() => {
        throw broken
      }),
      onWindowKey(ran)
    ]
    key('k')
    expect(ran).toHaveBeenCalledOnce()
    expect(reported).toEqual([broken])
    for (const off of offs) off()
  })
})
