import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SiteWriter } from '../../../src/main/site-export/apply'
import { tempBeside } from '../../../src/main/site-export/write-via-temp'
import { makeTempDir } from '../../support/temp-dir'

let temp: { path: string; cleanup: () => Promise<void> }
beforeEach(async () => {
  temp = await makeTempDir('copydesk-site-writer-')
})
afterEach(() => temp.cleanup())

describe('a discarded export', () => {
  it('takes back temp files a render thread wrote but never reported, and the folders made for them, and nothing else', async () => {
    const site = join(temp.path, 'site')
    await mkdir(join(site, 'content'), { recursive: true })
    await writeFile(join(site, 'content/about.md'), 'The site’s own page\n')
    const writer = new SiteWriter(false)
    await writer.folder(join(site, 'content/posts/bundle'))
    // As a thread that died mid-write leaves it: a temp file of this process no one was told about.
    await writeFile(tempBeside(join(site, 'content/posts/bundle/index.md')), 'half an arti')
    await writeFile(join(site, 'content/.copydesk-1-1-1.tmp'), 'another process’s temp file\n')
    await writer.discard()
    expect((await readdir(site, { recursive: true })).sort()).toEqual(['content', 'content/.copydesk-1-1-1.tmp', 'content/about.md'])
  })
})
