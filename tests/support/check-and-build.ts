import { spawn } from 'node:child_process'

/**
 * The first half of `npm test`: type-check, lint and build side by side rather than one after another.
 * Each mostly runs on one core (tsc and eslint are single-threaded), so together they take about as long
 * as the longest of them on two cores. Each one's output is printed whole when it ends, and the step fails
 * when any of them does, naming it.
 */
const steps = ['typecheck', 'lint', 'build']

function run(step: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', step], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => {
      console.error(`npm run ${step} did not start: ${error.message}`)
      resolve(false)
    })
    child.on('close', (code) => {
      process.stdout.write(output)
      console.log(`npm run ${step}: ${code === 0 ? 'done' : `failed (exit ${code})`}`)
      resolve(code === 0)
    })
  })
}

const results = await Promise.all(steps.map(run))
const failed = steps.filter((_, i) => !results[i])
if (failed.length > 0) {
  console.error(`npm test stops here: ${failed.map((step) => `npm run ${step}`).join(', ')} failed (see above)`)
  process.exit(1)
}
