import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { busyCores } from '../bench/section'

/**
 * `npm run test:busy`: the README's test command while spinning threads keep
 * every core busy, as a browser and a video call do on a writer's laptop. The
 * suite asserts outcomes, never timing, so it must pass here too.
 */
const load = busyCores()
const started = performance.now()
const suite = spawn('npm', ['test'], { stdio: 'inherit' })
suite.on('exit', (code, signal) => {
  void load.stop().then(() => {
    const minutes = ((performance.now() - started) / 60_000).toFixed(1)
    console.log(`\nnpm test with ${availableParallelism()} spinning threads keeping every core busy: ${code === 0 ? 'passed' : `failed (${code ?? signal})`} in ${minutes} min`)
    process.exit(code ?? 1)
  })
})
