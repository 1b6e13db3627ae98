import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceFolderOf } from '../../../src/main/library/import-source'
import { makeTempDir } from '../../support/temp-dir'

describe('the folder of a picked or dropped file, as the renderer names it', () => {
  it('is trusted only when the regular file there holds the bytes sent', async () => {
    const temp = await makeTempDir('copydesk-import-source-')
    try {
      const post = join(temp.path, 'post.md')
      await writeFile(post, '# Hello')
      expect(await sourceFolderOf(post, '# Hello')).toBe(temp.path)
      expect(await sourceFolderOf(post, new TextEncoder().encode('# Hello'))).toBe(temp.path)
      expect(await sourceFolderOf(post, '# Other')).toBeUndefined()
      expect(await sourceFolderOf('post.md', '# Hello')).toBeUndefined()
      expect(await sourceFolderOf(join(temp.path, 'missing.md'), '# Hello')).toBeUndefined()
      expect(await sourceFolderOf(temp.path, '')).toBeUndefined()
    } finally {
      await temp.cleanup()
    }
  })

  it.skipIf(process.platform === 'win32')('answers at once for a FIFO, which nobody will ever write to', async () => {
    const temp = await makeTempDir('copydesk-import-source-')
    try {
      const fifo = join(temp.path, 'post.md')
      execFileSync('mkfifo', [fifo])
      expect(await sourceFolderOf(fifo, '# Hello')).toBeUndefined()
    } finally {
      await temp.cleanup()
    }
  })
})
