import { execFile, execSync } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { benchLibrary } from './library-section'
import { busyCores, ms, percentile, verdict, type BenchSection } from './section'

const root = resolve(import.meta.dirname, '../..')
const cli = resolve(root, 'out/cli/copydesk.mjs')
const LIBRARY_SIZE = 10_000
const TARGET_HELP_MS = 300
const TARGET_LIST_MS = 1000
const RUNS = 15

/** Wall-clock times of `runs` runs of node with these arguments, each a fresh process as in a shell or a CI step. */
async function processTimes(args: string[], runs: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 })
    times.push(performance.now() - started)
  }
  return times
}

interface Figures {
  node: number[]
  help: number[]
  list: number[]
}

async function measure(library: string): Promise<Figures> {
  return {
    node: await processTimes(['-e', ''], RUNS),
    help: await processTimes([cli, '--help'], RUNS),
    list: await processTimes([cli, '--library', library, 'list'], 5)
  }
}

function report(print: (line: string) => void, label: string, figures: Figures): void {
  const node = percentile(figures.node, 50)
  const line = (name: string, times: number[], target: number): string => {
    const median = percentile(times, 50)
    return `  ${name}: median ${ms(median)}, worst ${ms(Math.max(...times))}; ${(median / node).toFixed(1)}× node -e '' (target ≤ ${target} ms: ${verdict(median <= target)})`
  }
  print(`${label}: node -e '' median ${ms(node)}`)
  print(line('copydesk --help', figures.help, TARGET_HELP_MS))
  print(line(`copydesk list on ${LIBRARY_SIZE.toLocaleString('en')} articles`, figures.list, TARGET_LIST_MS))
}

/** The built CLI's start-up, against a bare `node -e ''` measured in the same run, quiet and with every core kept busy. */
export const cliSection: BenchSection = {
  name: 'cli',
  async run(print) {
    execSync('npm run -s build:cli', { cwd: root, stdio: 'inherit' })
    const library = await benchLibrary(LIBRARY_SIZE, print)
    report(print, 'quiet', await measure(library))
    const load = busyCores()
    const busy = await measure(library).finally(() => load.stop())
    report(print, 'every core kept busy', busy)
  }
}
