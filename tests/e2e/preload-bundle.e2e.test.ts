import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { channelNames } from '../../src/shared/ipc/contract'

const outDir = resolve(import.meta.dirname, '../..', process.env['COPYDESK_OUT_DIR'] ?? 'out')

describe('built preload bundle', () => {
  it('loads in a sandbox that offers only require("electron") and a document to listen on, and exposes every channel', async () => {
    const code = await readFile(resolve(outDir, 'preload/index.cjs'), 'utf8')
    const exposed: Record<string, unknown> = {}
    const required: string[] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
      webUtils: { getPathForFile: () => '/picked/post.md' }
    }
    const module = { exports: {} }
    const document = new EventTarget()
    let datesFormatted = 0
    const Intl = { DateTimeFormat: class { format = () => String(++datesFormatted) } }
    // A sandboxed preload gets a limited `require`, and here a document with nothing but events:
    // anything that builds on the DOM at load (ProseMirror's view, React) would throw here.
    runInNewContext(code, {
      document,
      Intl,
      require: (name: string) => {
        required.push(name)
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`)
        return electron
      },
      module,
      exports: module.exports
    })
    expect(new Set(required)).toEqual(new Set(['electron']))
    const api = exposed['copydesk'] as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on', 'pathOf'].sort())
    expect((api['pathOf'] as (file: Blob) => string)(new Blob(['x']))).toBe('/picked/post.md')
    // Names only: the preload runs in every window before the page's own scripts, so it must not carry the contract's schemas (208 kB with them).
    expect(code.length).toBeLessThan(20_000)
    // The locale data the page's date formatters need is loaded once the page's HTML is parsed (src/preload/locale-warmup.ts).
    expect(datesFormatted).toBe(0)
    document.dispatchEvent(new Event('readystatechange'))
    expect(datesFormatted).toBe(1)
    expect(code).not.toContain('zod')
  })
})
