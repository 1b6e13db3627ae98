import { fork, type ChildProcess } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'

const root = resolve(import.meta.dirname, '../..')

/** Packages load from node_modules, as the app loads them. */
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => ({ path, external: true }))
  }
}

/** The bench's child scripts, each a file of this folder that runs as a child when it is the process's script. */
const children = ['library-rss', 'library-saves'] as const
export type BenchChild = (typeof children)[number]

let built: Promise<string> | null = null

/**
 * The child scripts built as plain JavaScript, as the app's main process runs
 * the library: a child run through tsx, as the bench itself runs, also holds
 * tsx's loader thread and its compiled sources (about 40 MB of RSS, and their
 * collection), which are no part of the app. Built once per bench run.
 */
function buildChildren(): Promise<string> {
  const outdir = join(root, 'node_modules/.cache/copydesk-bench')
  const entryPoints = Object.fromEntries(children.map((name) => [name, join(import.meta.dirname, `${name}.ts`)]))
  built ??= build({
    absWorkingDir: root,
    // As the app names the stamp thread electron-vite bundled: a library of 20,000 articles and more opens with it.
    entryPoints: { ...entryPoints, 'stamp-worker': join(root, 'src/main/library/stamp-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [packagesExternal],
    logLevel: 'warning'
  }).then(() => outdir)
  return built
}

/** Starts the built `name` with `args`, in a fresh Node process that talks to the bench by messages. */
export async function forkChild(name: BenchChild, args: string[]): Promise<ChildProcess> {
  const outdir = await buildChildren()
  return fork(join(outdir, `${name}.mjs`), args, { stdio: 'inherit', execArgv: [], cwd: outdir })
}

/** The stamp thread's bundle beside a built child, for `useBundledThread`. */
export const builtStampWorker = (childFile: string): string => join(dirname(childFile), 'stamp-worker.mjs')

/**
 * Whether the module of `meta` is the script this process runs, as a built child is; through realpath,
 * since the script's path may reach it through a symbolic link, which import.meta.filename resolves.
 */
export const runsAsChild = (meta: ImportMeta): boolean => process.send !== undefined && !!process.argv[1] && realpathSync(process.argv[1]) === meta.filename

/** The child's next message, or why none will come. */
export function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null): void => reject(new Error(`a bench child exited with code ${code} before answering`))
    child.once('exit', exited)
    // It could not be started, or a message to it could not be sent.
    child.once('error', reject)
    child.once('message', (message) => {
      child.off('exit', exited)
      child.off('error', reject)
      resolve(message as T)
    })
  })
}
