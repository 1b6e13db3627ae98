import { createHash } from 'node:crypto'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportStylesheet } from '../../../src/shared/export/html/stylesheet'
import { rendererCsp } from '../../../src/shared/csp'
import { mediaFileForUrl } from '../../../src/main/library/media'
import { appEntryUrl, appResponseHeaders, devServerOrigin, isAppUrl, resolveAppFile } from '../../../src/main/security/app-scheme'
import { makeTempDir } from '../../support/temp-dir'

let temp: { path: string; cleanup: () => Promise<void> }
let renderer: string
let library: string

beforeAll(async () => {
  temp = await makeTempDir('copydesk-app-scheme-')
  renderer = join(temp.path, 'out/renderer')
  library = join(temp.path, 'Library')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html>')
  await writeFile(join(renderer, 'assets/index.js'), 'export {}')
  await writeFile(join(renderer, 'assets/a b%.css'), 'body{}')
  await writeFile(join(temp.path, 'out/secret.txt'), 'not the renderer’s')
  await symlink(join(temp.path, 'out/secret.txt'), join(renderer, 'assets/leak.js'))
  await mkdir(join(library, 'media'), { recursive: true })
  await writeFile(join(library, 'media/1a2b-photo.png'), 'png')
})
afterAll(() => temp.cleanup())

describe('the app scheme serves the built renderer folder and nothing else', () => {
  it('finds the entry page and its assets, percent-encoded names included', async () => {
    expect(appEntryUrl).toBe('copydesk://app/index.html')
    expect(await resolveAppFile(renderer, appEntryUrl)).toBe(join(renderer, 'index.html'))
    expect(await resolveAppFile(renderer, 'copydesk://app/')).toBe(join(renderer, 'index.html'))
    expect(await resolveAppFile(renderer, 'copydesk://app/assets/index.js?v=1#x')).toBe(join(renderer, 'assets/index.js'))
    expect(await resolveAppFile(renderer, 'copydesk://app/assets/a%20b%25.css')).toBe(join(renderer, 'assets/a b%.css'))
  })

  it('answers null (a 404) for anything outside it, another host, a folder, or a link leading out', async () => {
    for (const url of [
      'copydesk://app/../secret.txt',
      'copydesk://app/%2e%2e/secret.txt',
      'copydesk://app/..%2fsecret.txt',
      'copydesk://app/assets/..%2f..%2fsecret.txt',
      'copydesk://app/%2F..%2F..%2Fsecret.txt',
      'copydesk://app/..%5csecret.txt',
      'copydesk://app/assets/leak.js',
      'copydesk://app/assets',
      'copydesk://app/missing.js',
      'copydesk://app/index.html%00.js',
      'copydesk://other/index.html',
      'copydesk://app:8080/index.html',
      'copydesk://user@app/index.html',
      'copydesk-media://library/media/1a2b-photo.png',
      `file://${join(renderer, 'index.html')}`,
      'not a url'
    ]) {
      expect(await resolveAppFile(renderer, url), url).toBeNull()
    }
  })

  it('answers null, never throws, for malformed percent-encoding in app and media URLs', async () => {
    for (const path of ['%', '%E0%A4%A', '%zz', 'assets/%C0%AF', '%ED%A0%80']) {
      await expect(resolveAppFile(renderer, `copydesk://app/${path}`)).resolves.toBeNull()
      await expect(mediaFileForUrl(library, `copydesk-media://library/media/${path}`)).resolves.toBeNull()
    }
    expect(await mediaFileForUrl(library, 'copydesk-media://library/media/1a2b-photo.png')).toBe(join(library, 'media/1a2b-photo.png'))
    expect(await mediaFileForUrl(library, 'copydesk-media://elsewhere/media/1a2b-photo.png')).toBeNull()
  })

  it('sends the CSP as a header with every file, with the right type and no sniffing', () => {
    expect(appResponseHeaders(join(renderer, 'index.html'))).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': rendererCsp
    })
    expect(appResponseHeaders('x.js')['content-type']).toBe('text/javascript; charset=utf-8')
    expect(appResponseHeaders('x.unknown')['content-type']).toBe('application/octet-stream')
  })

  it('has a strict policy: nothing by default, no inline script, no inline style but the exported page’s stylesheet by its hash, no eval', () => {
    const directives = new Map(rendererCsp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    // Besides the app's own files, only the exported page's stylesheet, by its hash, for the export preview.
    expect(directives.get('style-src')).toEqual(["'self'", `'sha256-${createHash('sha256').update(exportStylesheet).digest('base64')}'`])
    expect(rendererCsp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/)
  })
})

describe('the dev server URL', () => {
  it('is honoured only unpackaged, and only as exactly http://localhost:<port> or http://127.0.0.1:<port>', () => {
    expect(devServerOrigin('http://localhost:5173', false)).toBe('http://localhost:5173')
    expect(devServerOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173')
    expect(devServerOrigin('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173')
    expect(devServerOrigin('http://localhost:5173/', true)).toBeNull()
    expect(devServerOrigin(undefined, false)).toBeNull()
    for (const raw of [
      'http://localhost:5173.evil',
      'http://localhost:5173.evil.com/',
      'http://localhost.evil.com:5173/',
      'http://localhost:5173@evil.com/',
      'http://user:pass@localhost:5173/',
      'https://localhost:5173/',
      'http://localhost/',
      'http://localhost:5173/other/page.html',
      'http://localhost:5173/?next=http://evil',
      'http://[::1]:5173/',
      'http://0.0.0.0:5173/',
      'http://127.0.0.2:5173/',
      'file:///tmp/index.html',
      'copydesk://app/index.html',
      'not a url',
      ''
    ]) {
      expect(devServerOrigin(raw, false), raw).toBeNull()
    }
  })

  it('decides which page is the app’s own: the entry (any fragment), or the vetted dev origin', () => {
    expect(isAppUrl(appEntryUrl, null)).toBe(true)
    expect(isAppUrl(`${appEntryUrl}#faq`, null)).toBe(true)
    expect(isAppUrl('copydesk://app/assets/index.js', null)).toBe(false)
    expect(isAppUrl(`${appEntryUrl}?x=1`, null)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5173.evil/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('http://localhost:51730/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('file:///opt/Copydesk/resources/app/out/renderer/index.html', null)).toBe(false)
  })
})
