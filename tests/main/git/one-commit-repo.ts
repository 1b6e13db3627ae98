import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gitIn } from '../sync/team'

/** A repository in `dir` on branch main with one commit holding `kept.txt` and `gone.txt`; returns the commit. */
export async function oneCommitRepo(dir: string): Promise<string> {
  await gitIn(dir, 'init', '--quiet', '--initial-branch=main')
  await writeFile(join(dir, 'kept.txt'), 'kept\n')
  await writeFile(join(dir, 'gone.txt'), 'gone\n')
  await gitIn(dir, 'add', '--all')
  await gitIn(dir, '-c', 'user.name=T', '-c', 'user.email=', 'commit', '--quiet', '-m', 'first')
  return (await gitIn(dir, 'rev-parse', 'HEAD')).trim()
}
