import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../shared/ipc/result'
import { git, gitOrFail, nulList } from '../git/safe-git'
import { committer } from '../git/user-config'

/**
 * Stages written and removed paths and returns those git sees as changed,
 * relative to `dir`. A removed file git never tracked is simply skipped.
 */
async function stagePaths(dir: string, { written, removed }: ExportedPaths): Promise<string[]> {
  if (written.length > 0) {
    await gitOrFail(dir, ['add', '--pathspec-from-file=-', '--pathspec-file-nul'], 'stage the exported files', { stdin: nulList(written) })
  }
  if (removed.length > 0) {
    await gitOrFail(
      dir,
      ['rm', '--cached', '--quiet', '--ignore-unmatch', '--pathspec-from-file=-', '--pathspec-file-nul'],
      'stage the removed files',
      { stdin: nulList(removed) }
    )
  }
  const ours = new Set([...written, ...removed])
  // git diff takes no pathspec file, so list every staged change here and keep ours.
  const staged = await gitOrFail(dir, ['diff', '--cached', '--no-ext-diff', '--no-textconv', '--name-only', '--relative', '-z'], 'list the staged files')
  return staged.split('\0').filter((path) => ours.has(path))
}

/** Whether `dir` is inside a git work tree (the site may be a subfolder of a repo). */
export async function isGitRepo(dir: string): Promise<boolean> {
  const run = await git(dir, ['rev-parse', '--is-inside-work-tree']).catch(() => null)
  return run?.code === 0 && run.stdout.trim() === 'true'
}

export async function checkBranchName(dir: string, branch: string): Promise<void> {
  const run = await git(dir, ['check-ref-format', '--branch', branch])
  if (run.code !== 0 || branch.startsWith('-')) {
    throw new UserError('invalid-input', `“${branch}” is not a valid git branch name.`)
  }
}

export interface ExportedPaths {
  written: string[]
  removed: string[]
}

export interface CommitResult {
  branch: string
  /** Null when the export changed nothing git tracks. */
  commit: string | null
}

/**
 * Commits exactly the given paths (relative to `dir`) on `branch`, creating it from the current commit if needed.
 * Other changes in the work tree are neither committed nor discarded.
 */
export async function commitOnBranch(dir: string, branch: string, paths: ExportedPaths, message: string): Promise<CommitResult> {
  await checkBranchName(dir, branch)
  const current = (await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).stdout.trim()
  if (current !== branch) {
    const exists = (await git(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])).code === 0
    await gitOrFail(dir, exists ? ['switch', branch] : ['switch', '-c', branch], `switch to branch “${branch}”`)
  }
  const staged = await stagePaths(dir, paths)
  if (staged.length === 0) return { branch, commit: null }
  // A message listing 10,000 articles is too long for one argument, so it goes through a file.
  const temp = await mkdtemp(join(tmpdir(), 'copydesk-commit-'))
  try {
    const messageFile = join(temp, 'message.txt')
    await writeFile(messageFile, message)
    await gitOrFail(
      dir,
      ['commit', '--quiet', '--no-verify', '-F', messageFile, '--only', '--pathspec-from-file=-', '--pathspec-file-nul'],
      'commit the export',
      { stdin: nulList(staged), settings: await committer(dir) }
    )
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
  const commit = (await gitOrFail(dir, ['rev-parse', 'HEAD'], 'read the new commit')).trim()
  return { branch, commit }
}
