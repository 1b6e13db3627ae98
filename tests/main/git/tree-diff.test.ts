import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ObjectReader } from '../../../src/main/git/object-reader'
import { diffTrees, type PathChange } from '../../../src/main/git/tree-diff'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { gitIn } from '../sync/team'

const gitTool = needsTools(['git'], 'compares trees git wrote')

/** What `git diff-tree -r` says differs, in the same shape. */
async function gitSays(dir: string, from: string, to: string): Promise<PathChange[]> {
  const fields = (await gitIn(dir, '-c', 'core.quotepath=off', 'diff-tree', '-r', '-z', '--no-renames', from, to)).split('\0')
  const changes: PathChange[] = []
  for (let n = 0; n + 1 < fields.length; n += 2) {
    const [, mode, , sha, status] = fields[n]!.split(' ')
    changes.push({ path: fields[n + 1]!, to: status === 'D' ? null : { mode: mode!, sha: sha! } })
  }
  return changes
}

const byPath = (changes: PathChange[]): PathChange[] => [...changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

async function commitFiles(dir: string, files: Record<string, string | null>, message: string): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path)
    if (text === null) await rm(file, { recursive: true, force: true })
    else {
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, text)
    }
  }
  await gitIn(dir, 'add', '--all')
  await gitIn(dir, '-c', 'user.name=T', '-c', 'user.email=', 'commit', '--quiet', '--allow-empty', '-m', message)
  return (await gitIn(dir, 'rev-parse', 'HEAD')).trim()
}

describe.skipIf(gitTool.skip)('diffTrees', () => {
  it('finds what git diff-tree -r finds: added, changed and removed files, nested folders, a file become a folder, a mode change, names that sort around "/"', async () => {
    const temp = await makeTempDir('copydesk-tree-diff-')
    const objects = new ObjectReader(temp.path)
    try {
      await gitIn(temp.path, 'init', '--quiet', '--initial-branch=main')
      const unchanged = Object.fromEntries(Array.from({ length: 300 }, (_, n) => [`articles/${String(n).padStart(4, '0')}.json`, `{"n":${n}}\n`]))
      const first = await commitFiles(temp.path, {
        ...unchanged,
        'a.txt': 'a\n',
        'a-b/x.txt': 'x\n',
        'a.b': 'dot\n',
        'becomes/folder': 'file\n',
        'deep/er/still/one.txt': '1\n',
        'run.sh': 'echo\n',
        'café é "q".json': 'odd\n',
        'gone/entirely/x.txt': 'x\n'
      }, 'first')
      await chmod(join(temp.path, 'run.sh'), 0o755)
      const second = await commitFiles(temp.path, {
        'articles/0007.json': '{"n":"seven"}\n',
        'articles/0299.json': null,
        'articles/0300.json': '{"n":300}\n',
        'a/inside.txt': 'new folder named like a file\n',
        'a.b': 'changed\n',
        'becomes/folder': null,
        'becomes/folder/now.txt': 'inside\n',
        'deep/er/still/two.txt': '2\n',
        'café é "q".json': 'still odd\n',
        'gone': null
      }, 'second')
      const read = (name: string) => objects.read(name)
      for (const [from, to] of [[first, second], [second, first], [first, first]] as const) {
        expect(byPath(await diffTrees(read, from, to))).toEqual(byPath(await gitSays(temp.path, from, to)))
      }
      const empty = await diffTrees(read, null, second)
      expect(empty).toHaveLength(Number((await gitIn(temp.path, 'ls-tree', '-r', '--name-only', '-z', second)).split('\0').length - 1))
      expect(await diffTrees(read, second, null)).toEqual(empty.map(({ path }) => ({ path, to: null })))
      expect((await diffTrees(read, first, second)).some(({ path }) => path === 'run.sh')).toBe(true)
    } finally {
      await objects.close()
      await temp.cleanup()
    }
  })
})
