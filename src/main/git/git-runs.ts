/**
 * Every git process Copydesk starts is counted here: a sync's cost is mostly
 * process starts (25–60 ms each on a busy laptop), so the bench reports the
 * count and tests can hold it down. With COPYDESK_GIT_TRACE=1 in the
 * environment, each one is also written to stderr with how long it took.
 */
let started = 0

export const gitRunCount = (): number => started

/** Call as a git process starts; call what it returns once it has ended. */
export function noteGitRun(args: readonly string[]): () => void {
  started++
  if (process.env['COPYDESK_GIT_TRACE'] !== '1') return () => undefined
  const from = performance.now()
  return () => process.stderr.write(`git ${args.join(' ')}  (${(performance.now() - from).toFixed(0)} ms)\n`)
}
