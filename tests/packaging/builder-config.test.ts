import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { flipFuses, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuseConfig, fuseSettings } from '../../packaging/fuses'
import { describeWithTools } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'

const root = resolve(import.meta.dirname, '../..')
// A fuse's state byte in the wire: '1' on, '0' off (@electron/fuses' FuseState, which its index does not export).
const ENABLE = 0x31
const DISABLE = 0x30

let temp: { path: string; cleanup: () => Promise<void> }
beforeAll(async () => {
  temp = await makeTempDir('copydesk-packaging-')
})
afterAll(() => temp.cleanup())

const targetsOf = (platform: { target?: unknown } | null | undefined): unknown => platform?.target

describe('electron-builder configuration', () => {
  it('loads as electron-builder loads it and names AppImage and deb, dmg, and NSIS, with the icon from resources/', async () => {
    const { default: config } = await import('../../electron-builder.config')
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
    expect(targetsOf(config.win)).toEqual(['nsis'])
    for (const platform of [config.linux, config.mac, config.win]) {
      expect(platform?.icon).toBe('resources/icon.png')
    }
    expect(existsSync(join(root, 'resources/icon.png'))).toBe(true)
    expect(config.asar).toBe(true)
    expect(JSON.stringify(config.files)).toMatch(/"out\/\*\*".*"resources\/\*\*"/)
    // The app never loads the CLI's bundle; installers should not carry it.
    expect(config.files).toContain('!out/cli/**')
    expect(typeof config.afterPack).toBe('function')
  }, 60_000)

  it('sets exactly the fuses the issue lists', () => {
    const byName = Object.fromEntries(Object.entries(fuseSettings).map(([option, on]) => [FuseV1Options[Number(option)], on]))
    expect(byName).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      GrantFileProtocolExtraPrivileges: false
    })
  })

  it('flips them for real in a binary carrying Electron’s fuse wire, leaving the fuses it does not name alone', async () => {
    // What @electron/fuses looks for in an Electron binary: the sentinel, the wire's version and length, then one
    // byte per fuse, here as Electron ships them (RunAsNode, NODE_OPTIONS, --inspect and file: privileges on).
    const wire = Buffer.concat([Buffer.from('binary before '), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.from(' binary after')])
    const binary = join(temp.path, 'copydesk')
    await writeFile(binary, wire)
    await flipFuses(binary, fuseConfig('linux', 'x64'))
    const current = await getCurrentFuseWire(binary)
    const state = (option: FuseV1Options): number | undefined => current[option]
    expect(state(FuseV1Options.RunAsNode)).toBe(DISABLE)
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(ENABLE)
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(DISABLE)
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(DISABLE)
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(ENABLE)
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(ENABLE)
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(DISABLE)
    // Not in the list: LoadBrowserProcessSpecificV8Snapshot keeps what the binary had.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(DISABLE)
  })
})

describeWithTools(['electron'], 'npm run dist', () => {
  it('packs the Linux app with its fuses set, then the AppImage and deb', async () => {
    await promisify(execFile)('npm', ['run', 'dist'], { cwd: root, timeout: 1_200_000 })
    const made = await readdir(join(root, 'dist'))
    expect(made.some((name) => name.endsWith('.AppImage'))).toBe(true)
    expect(made.some((name) => name.endsWith('.deb'))).toBe(true)
    const packed = await getCurrentFuseWire(join(root, 'dist/linux-unpacked/copydesk'))
    for (const [option, on] of Object.entries(fuseSettings)) {
      expect(packed[Number(option) as FuseV1Options], FuseV1Options[Number(option)]).toBe(on ? ENABLE : DISABLE)
    }
  }, 1_300_000)
})
