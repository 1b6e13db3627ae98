import { cp, lstat, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../support/temp-dir'
import { netflixFields, useTempLibrary } from './temp-library'

/**
 * A link planted inside the library never lets a write out of it: each write
 * that meets one either replaces the link by a real file or folder, or is
 * refused in plain words. A folder outside the library, which the links point
 * to, is compared byte for byte before and after.
 */
const session = useTempLibrary()
let outside: { path: string; cleanup: () => Promise<void> }
beforeEach(async () => {
  outside = await makeTempDir('copydesk-outside-')
})
afterEach(() => outside.cleanup())

/** Every file under `dir` with its bytes and modification time: any write there changes it. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    const stats = await lstat(path)
    files[relative(dir, path)] = entry.isFile() ? `${stats.mtimeMs} ${(await readFile(path)).toString('base64')}` : `${entry.isDirectory() ? 'dir' : 'other'}`
  }
  return files
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const isLink = async (path: string): Promise<boolean> => (await lstat(path)).isSymbolicLink()

describe('writes never follow a link planted in the library', () => {
  it('articles/<id>.json linked to a copy outside: a save replaces the link by a real file and leaves the copy alone', async () => {
    const article = await session.library.createArticle(netflixFields())
    const file = join(session.dir, 'articles', `${article.id}.json`)
    await cp(file, join(outside.path, 'copy.json'))
    await rm(file)
    await symlink(join(outside.path, 'copy.json'), file)
    const before = await snapshot(outside.path)

    await session.library.saveArticle(article.id, { dek: 'Saved through the link?' })

    expect(await snapshot(outside.path)).toEqual(before)
    expect(await isLink(file)).toBe(false)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ id: article.id, dek: 'Saved through the link?' })
    const reopened = await session.reopen()
    expect((await reopened.getArticle(article.id)).dek).toBe('Saved through the link?')
  })

  it('revisions/<id>/ linked to a folder outside: a save puts its revision in a real folder in its place, and says so', async () => {
    const article = await session.library.createArticle(netflixFields())
    const folder = join(session.dir, 'revisions', article.id)
    await cp(folder, outside.path, { recursive: true })
    await rm(folder, { recursive: true })
    await symlink(outside.path, folder)
    const before = await snapshot(outside.path)

    await session.library.saveArticle(article.id, { dek: 'A new revision' })

    expect(await snapshot(outside.path)).toEqual(before)
    expect(await isLink(folder)).toBe(false)
    expect((await session.library.listRevisions(article.id)).map((r) => r.kind)).toEqual(['save'])
    expect(session.library.info().notices).toEqual([
      expect.stringMatching(/^The history folder of “.+” \(revisions\/[0-9a-f-]+\) was a link to another place, so it was replaced by a real folder: Copydesk writes nothing outside the library\. The folder it pointed to was left as it was\.$/)
    ])
  })

  it('media/ linked to a folder outside: adding an image is refused in plain words, and said when opening', async () => {
    await rm(join(session.dir, 'media'), { recursive: true })
    await symlink(outside.path, join(session.dir, 'media'))
    const before = await snapshot(outside.path)

    await expect(session.library.addMedia('beach.png', png)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^“media” in this library is a link to another place, so Copydesk did not write through it\./)
    })
    expect(await snapshot(outside.path)).toEqual(before)
    const reopened = await session.reopen()
    expect(reopened.info().notices).toEqual([expect.stringMatching(/^“media” in this library is a link to another place/)])
  })

  it('emptying the trash removes a linked revisions folder as a link, never the files it points to', async () => {
    const article = await session.library.createArticle(netflixFields())
    const folder = join(session.dir, 'revisions', article.id)
    await cp(folder, outside.path, { recursive: true })
    await rm(folder, { recursive: true })
    await symlink(outside.path, folder)
    await session.library.trashArticle(article.id)
    const before = await snapshot(outside.path)

    expect(await session.library.emptyTrash()).toEqual({ removed: 1 })

    expect(await snapshot(outside.path)).toEqual(before)
    expect(await readdir(join(session.dir, 'revisions'))).toEqual([])
    expect(await readdir(join(session.dir, 'trash'))).toEqual([])
  })

  it('emptying a trash folder that is a link to a folder outside is refused, and deletes nothing there', async () => {
    const article = await session.library.createArticle(netflixFields())
    await session.library.trashArticle(article.id)
    const trash = join(session.dir, 'trash')
    await cp(trash, outside.path, { recursive: true })
    await rm(trash, { recursive: true })
    await symlink(outside.path, trash)
    await writeFile(join(outside.path, 'unrelated.txt'), 'not ours')
    const before = await snapshot(outside.path)

    await expect(session.library.emptyTrash()).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^“trash” in this library is a link/) })
    expect(await snapshot(outside.path)).toEqual(before)
  })

  it('the index files linked outside: saves replace the links by real files', async () => {
    const article = await session.library.createArticle(netflixFields())
    await session.library.close()
    for (const name of ['copydesk-library.json', 'copydesk-library.journal']) {
      await cp(join(session.dir, name), join(outside.path, name))
      await rm(join(session.dir, name))
      await symlink(join(outside.path, name), join(session.dir, name))
    }
    const before = await snapshot(outside.path)
    const library = await session.reopen()
    await library.saveArticle(article.id, { dek: 'Indexed inside' })

    expect(await snapshot(outside.path)).toEqual(before)
    expect(await isLink(join(session.dir, 'copydesk-library.journal'))).toBe(false)
    const again = await session.reopen()
    expect((await again.listArticles({})).map((h) => h.id)).toEqual([article.id])
  })
})
