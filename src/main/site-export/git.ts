import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { devNull, tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../shared/ipc/result'

interface GitRun {
  stdout: string
  stderr: string
  code: number
}

/**
 * The site folder is not ours: its .git/config, hooks and attributes may have
 * been written by anyone, and git would run what they name (an fsmonitor, a
 * hook on switch or commit, a clean or smudge filter, a signing program, an
 * external diff). So no system or global config is read, git's own GIT_*
 * variables from our environment are dropped, and these settings, which
 * outrank the repository's config, switch every such command off. Filter
 * drivers have free names, so the repository's own are listed and emptied.
 */
const safeSettings: [string, string][] = [
  ['core.hooksPath', devNull],
  ['core.fsmonitor', 'false'],
  ['core.attributesFile', devNull],
  ['commit.gpgSign', 'false'],
  ['tag.gpgSign', 'false'],
  ['submodule.recurse', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['core.quotepath', 'off']
]

/** Command-line-level settings passed as GIT_CONFIG_KEY_n/VALUE_n, which need no quoting whatever a driver is called. */
function safeEnv(extra: [string, string][]): NodeJS.ProcessEnv {
  const settings = [...safeSettings, ...extra]
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_'))),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    GIT_CONFIG_COUNT: String(settings.length),
    ...Object.fromEntries(settings.flatMap(([key, value], n) => [[`GIT_CONFIG_KEY_${n}`, key], [`GIT_CONFIG_VALUE_${n}`, value]]))
  }
}

/**
 * Runs system git without a shell. Pathspecs are literal (a file named
 * "*.md" or ":x" is just a name) and long path lists go through stdin, so
 * 10,000 files never hit the command-line length limit.
 */
function rawGit(cwd: string, args: string[], stdin?: string, extra: [string, string][] = []): Promise<GitRun> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      'git',
      ['--literal-pathspecs', ...args],
      { cwd, maxBuffer: 16 * 1024 * 1024, env: safeEnv(extra) },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new UserError('io-error', `Could not run git: ${error.message}. Is git installed?`))
          return
        }
        resolvePromise({ stdout, stderr, code: error ? Number(error.code) : 0 })
      }
    )
    // git may exit before reading stdin (bad arguments); its exit code already says so.
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(stdin ?? '')
  })
}

/**
 * Settings that empty every filter driver the repository's config defines,
 * so `add`, `commit` and `switch` store and check out bytes as they are.
 * Reading config runs nothing.
 */
async function filterOverrides(cwd: string): Promise<[string, string][]> {
  const listed = await rawGit(cwd, ['config', '--includes', '--name-only', '-z', '--get-regexp', String.raw`^filter\..+\.`])
  const names = new Set(listed.stdout.split('\0').flatMap((key) => /^filter\.(.+)\.[^.]+$/s.exec(key)?.[1] ?? []))
  return [...names].flatMap((name): [string, string][] =>
    ['clean', 'smudge', 'process'].map((command): [string, string] => [`filter.${name}.${command}`, '']).concat([[`filter.${name}.required`, 'false']])
  )
}

async function git(cwd: string, args: string[], stdin?: string, extra: [string, string][] = []): Promise<GitRun> {
  return rawGit(cwd, args, stdin, [...(await filterOverrides(cwd)), ...extra])
}

/**
 * Who commits: the user's name and email as their own git config says
 * (global included), read without running anything, since the commit itself
 * reads no global config.
 */
async function committer(cwd: string): Promise<[string, string][]> {
  const read = (key: string): Promise<string> =>
    new Promise((resolvePromise) =>
      execFile('git', ['config', '--get', key], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout) =>
        resolvePromise(error ? '' : stdout.trim())
      )
    )
  const [name, email] = await Promise.all([read('user.name'), read('user.email')])
  return [...(name ? [['user.name', name] as [string, string]] : []), ...(email ? [['user.email', email] as [string, string]] : [])]
}

const firstLine = (text: string): string => text.trim().split('\n').find((line) => line.trim())?.replace(/^(fatal|error): /, '') ?? 'unknown error'

async function gitOrFail(cwd: string, args: string[], doing: string, stdin?: string, extra?: [string, string][]): Promise<string> {
  const run = await git(cwd, args, stdin, extra)
  if (run.code !== 0) throw new UserError('io-error', `Git could not ${doing}: ${firstLine(run.stderr || run.stdout)}.`)
  return run.stdout
}

const nulList = (paths: string[]): string => paths.map((path) => `${path}\0`).join('')

/**
 * Stages written and removed paths and returns those git sees as changed,
 * relative to `dir`. A removed file git never tracked is simply skipped.
 */
async function stagePaths(dir: string, { written, removed }: ExportedPaths): Promise<string[]> {
  if (written.length > 0) {
    await gitOrFail(dir, ['add', '--pathspec-from-file=-', '--pathspec-file-nul'], 'stage the exported files', nulList(written))
  }
  if (removed.length > 0) {
    await gitOrFail(
      dir,
      ['rm', '--cached', '--quiet', '--ignore-unmatch', '--pathspec-from-file=-', '--pathspec-file-nul'],
      'stage the removed files',
      nulList(removed)
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
      nulList(staged),
      await committer(dir)
    )
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
  const commit = (await gitOrFail(dir, ['rev-parse', 'HEAD'], 'read the new commit')).trim()
  return { branch, commit }
}
