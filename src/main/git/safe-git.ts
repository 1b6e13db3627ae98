import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process'
import { devNull } from 'node:os'
import type { Readable, Writable } from 'node:stream'
import { UserError } from '../../shared/ipc/result'
import { noteGitRun } from './git-runs'

export interface GitRun {
  stdout: string
  /** The same output as bytes, for blobs read with cat-file. */
  bytes: Buffer
  stderr: string
  code: number
  /** True when git was stopped for taking longer than `timeoutMs`. */
  timedOut: boolean
}

export type GitSetting = [string, string]

export interface GitOptions {
  stdin?: string | Buffer
  /** Command-line-level settings, which outrank every config file. */
  settings?: GitSetting[]
  /** Variables set after the safe environment (GIT_INDEX_FILE, or the user's own ssh and askpass variables for a remote). */
  env?: NodeJS.ProcessEnv
  timeoutMs?: number
  /** Called once git has been started, before it ends: for work that should overlap it rather than delay its start. */
  onStarted?: () => void
}

/**
 * A repository's folder is not necessarily ours: its .git/config, hooks and
 * attributes may have been written by anyone, and git would run what they
 * name (an fsmonitor, a hook on switch or commit, a clean or smudge filter, a
 * signing program, an external diff). So no system or global config is read,
 * git's own GIT_* variables from our environment are dropped, and these
 * settings, which outrank the repository's config, switch every such command
 * off. Filter drivers have free names, so the repository's own are listed
 * and emptied (see `git`).
 */
const safeSettings: GitSetting[] = [
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
function safeEnv(extra: GitSetting[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const settings = [...safeSettings, ...extra]
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_'))),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...env,
    GIT_CONFIG_COUNT: String(settings.length),
    ...Object.fromEntries(settings.flatMap(([key, value], n) => [[`GIT_CONFIG_KEY_${n}`, key], [`GIT_CONFIG_VALUE_${n}`, value]]))
  }
}

/**
 * Runs system git without a shell. Pathspecs are literal (a file named
 * "*.md" or ":x" is just a name) and long path lists go through stdin, so
 * 10,000 files never hit the command-line length limit.
 */
export function rawGit(cwd: string, args: string[], options: GitOptions = {}): Promise<GitRun> {
  return new Promise((resolvePromise, reject) => {
    const ended = noteGitRun(args)
    const child = execFile(
      'git',
      ['--literal-pathspecs', ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024, env: safeEnv(options.settings ?? [], options.env ?? {}), encoding: 'buffer', timeout: options.timeoutMs ?? 0 },
      (error, stdoutBytes, stderrBytes) => {
        ended()
        const timedOut = Boolean(error && (error as { killed?: boolean }).killed && options.timeoutMs)
        if (error && typeof error.code !== 'number' && !timedOut) {
          reject(new UserError('io-error', `Could not run git: ${error.message}. Is git installed?`))
          return
        }
        resolvePromise({
          stdout: stdoutBytes.toString('utf8'),
          bytes: stdoutBytes,
          stderr: stderrBytes.toString('utf8'),
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          timedOut
        })
      }
    )
    options.onStarted?.()
    // git may exit before reading stdin (bad arguments); its exit code already says so.
    child.stdin?.on('error', () => undefined)
    // Nothing written when there is nothing to say: a write to a command that reads no stdin fails (EPIPE), and each failure costs an Error with its stack.
    if (options.stdin === undefined) child.stdin?.end()
    else child.stdin?.end(options.stdin)
  })
}

/**
 * Starts git as a process that stays, for a conversation over stdin and
 * stdout (`cat-file --batch`); the same safe environment as `rawGit`.
 */
export function startGit(cwd: string, args: string[], settings: GitSetting[] = []): ChildProcessByStdio<Writable, Readable, null> {
  return counted(spawn('git', ['--literal-pathspecs', ...args], { cwd, env: safeEnv(settings, {}), stdio: ['pipe', 'pipe', 'ignore'] }), args)
}

/** `startGit` with its error output kept, for a conversation whose failure needs explaining (fast-import). */
export function startGitWithErrors(cwd: string, args: string[], settings: GitSetting[] = []): ChildProcessByStdio<Writable, Readable, Readable> {
  return counted(spawn('git', ['--literal-pathspecs', ...args], { cwd, env: safeEnv(settings, {}), stdio: ['pipe', 'pipe', 'pipe'] }), args)
}

function counted<T extends { once(event: 'close', listener: () => void): unknown }>(child: T, args: string[]): T {
  child.once('close', noteGitRun(args))
  return child
}

/** The driver a `filter.<driver>.<command>` config key names, or undefined for any other key. */
export const filterDriver = (key: string): string | undefined => /^filter\.(.+)\.[^.]+$/s.exec(key)?.[1]

/** Settings that empty the named filter drivers, so `add`, `commit` and `switch` store and check out bytes as they are. */
export const emptiedFilters = (drivers: Iterable<string>): GitSetting[] =>
  [...new Set(drivers)].flatMap((name): GitSetting[] =>
    ['clean', 'smudge', 'process'].map((command): GitSetting => [`filter.${name}.${command}`, '']).concat([[`filter.${name}.required`, 'false']])
  )

/** Settings that empty every filter driver the repository's config defines. Reading config runs nothing. */
export async function filterOverrides(cwd: string): Promise<GitSetting[]> {
  const listed = await rawGit(cwd, ['config', '--includes', '--name-only', '-z', '--get-regexp', String.raw`^filter\..+\.`])
  return emptiedFilters(listed.stdout.split('\0').flatMap((key) => filterDriver(key) ?? []))
}

/** `rawGit` with the repository's filter drivers emptied: for every command that reads or writes the work tree or the index. */
export async function git(cwd: string, args: string[], options: GitOptions = {}): Promise<GitRun> {
  return rawGit(cwd, args, { ...options, settings: [...(await filterOverrides(cwd)), ...(options.settings ?? [])] })
}

/** A repository whose filter drivers were read once, for a run of many commands (a sync makes dozens). */
export interface GitRepo {
  dir: string
  filters: GitSetting[]
}

export const repoGit = (repo: GitRepo, args: string[], options: GitOptions = {}): Promise<GitRun> =>
  rawGit(repo.dir, args, { ...options, settings: [...repo.filters, ...(options.settings ?? [])] })

export const firstLine = (text: string): string => text.trim().split('\n').find((line) => line.trim())?.replace(/^(fatal|error): /, '') ?? 'unknown error'

/** Runs git and returns its output; a failure becomes a plain-words error naming what it was `doing`. */
export async function gitOrFail(cwd: string | GitRepo, args: string[], doing: string, options?: GitOptions): Promise<string> {
  const run = typeof cwd === 'string' ? await git(cwd, args, options) : await repoGit(cwd, args, options)
  if (run.code !== 0) throw new UserError('io-error', `Git could not ${doing}: ${firstLine(run.stderr || run.stdout)}.`)
  return run.stdout
}

export const nulList = (paths: string[]): string => paths.map((path) => `${path}\0`).join('')
