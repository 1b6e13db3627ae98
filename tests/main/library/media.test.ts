import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveMediaFile } from '../../../src/main/library/media'
import { useTempLibrary } from './temp-library'

const session = useTempLibrary()

// The 8-byte PNG signature and an IHDR chunk start: enough for the format check.
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

describe('media', () => {
  it('copies an image into media/ under a safe, unique name an article can use', async () => {
    const first = await session.library.addMedia('../../Holiday Photo.PNG', png)
    const second = await session.library.addMedia('../../Holiday Photo.PNG', png)
    expect(first.src).toMatch(/^media\/[0-9a-f]{8}-holiday-photo\.png$/)
    expect(second.src).not.toBe(first.src)
    expect(new Uint8Array(await readFile(join(session.dir, first.src)))).toEqual(png)
    expect(await resolveMediaFile(session.dir, first.src)).toBe(join(session.dir, first.src))
    const article = await session.library.createArticle({ title: 'With image', featuredImage: { src: first.src, alt: 'A beach' } })
    expect(article.featuredImage?.src).toBe(first.src)
  })

  it('refuses files that are not images, whatever their name', async () => {
    const script = new TextEncoder().encode('<svg onload="alert(1)"></svg>')
    await expect(session.library.addMedia('logo.png', script)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('logo.png') })
    expect(await readdir(join(session.dir, 'media'))).toEqual([])
  })

  it('serves nothing outside the media folder', async () => {
    await writeFile(join(session.dir, 'secret.txt'), 'secret')
    await mkdir(join(session.dir, 'media'), { recursive: true })
    await symlink(join(session.dir, 'secret.txt'), join(session.dir, 'media', 'link.png'))
    for (const path of ['../secret.txt', 'media/../secret.txt', '/etc/passwd', 'media/link.png', 'media/missing.png', 'articles/x.json', 'media/']) {
      expect(await resolveMediaFile(session.dir, path), path).toBeNull()
    }
  })
})
