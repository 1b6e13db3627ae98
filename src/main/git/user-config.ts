import { execFile } from 'node:child_process'
import { noteGitRun } from './git-runs'
import type { GitSetting } from './safe-git'

/** Runs `git config` as the user would, their own files included; reading config runs nothing. */
function readConfig(cwd: string, args: string[]): Promise<string> {
  const ended = noteGitRun(['config', ...args])
  return new Promise((resolvePromise) =>
    execFile('git', ['config', ...args], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout) => {
      ended()
      resolvePromise(error ? '' : stdout)
    })
  )
}

/**
 * Who commits: the user's name and email as their own git config says
 * (global included), since the commit itself reads no global config. One
 * git call for both; where a key is set more than once, the last one counts, as with `--get`.
 */
export async function committer(cwd: string): Promise<GitSetting[]> {
  const found = new Map<string, string>()
  for (const entry of (await readConfig(cwd, ['--includes', '--null', '--get-regexp', String.raw`^user\.(name|email)$`])).split('\0')) {
    const newline = entry.indexOf('\n')
    if (newline > 0) found.set(entry.slice(0, newline), entry.slice(newline + 1).trim())
  }
  return (['user.name', 'user.email'] as const).flatMap((key): GitSetting[] => (found.get(key) ? [[key, found.get(key)!]] : []))
}

/**
 * What the user's own (system and global) config says about reaching a
 * remote: credential helpers, the ssh command, proxies and certificates, URL
 * rewrites. These files are the user's, unlike the repository's config, so
 * these few keys are carried into fetch, push and clone; everything that runs
 * a program from the repository itself (hooks, filters, fsmonitor) stays off.
 */
const remoteKeys = /^(credential\..*|core\.sshcommand|https?\.(proxy|sslcainfo|sslcapath|sslverify|sslbackend|version)|https?\..+\.(proxy|sslcainfo|sslcapath|sslverify|extraheader)|url\..+\.(insteadof|pushinsteadof))$/

export async function userRemoteSettings(cwd: string): Promise<GitSetting[]> {
  // One git call for both files: each entry comes as scope, then key and value.
  const fields = (await readConfig(cwd, ['--includes', '--null', '--show-scope', '--get-regexp', '.'])).split('\0')
  const settings: GitSetting[] = []
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [scope, entry] = [fields[i]!, fields[i + 1]!]
    if (scope !== 'system' && scope !== 'global') continue
    const newline = entry.indexOf('\n')
    const key = newline < 0 ? entry : entry.slice(0, newline)
    if (remoteKeys.test(key.toLowerCase())) settings.push([key, newline < 0 ? '' : entry.slice(newline + 1)])
  }
  return settings
}

/** The user's own variables for reaching a remote, which the safe environment would otherwise drop with every GIT_* one. */
export function userRemoteEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(['GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_SSH_VARIANT', 'GIT_ASKPASS'].flatMap((name) => (env[name] ? [[name, env[name]]] : [])))
}
