/**
 * The lock tests' victim: takes the library lock, says so, and holds it
 * until it is killed. Usage: lock-holder <library dir>
 */
import { join } from 'node:path'
import { LOCK_DIR } from '../../../src/main/library/layout'
import { withLibraryLock } from '../../../src/main/library/lock'

const [dir] = process.argv.slice(2)
// proper-lockfile's refresh timer does not keep a process alive: this does.
setInterval(() => undefined, 1_000)
void withLibraryLock(dir!, join(dir!, LOCK_DIR), async () => {
  process.stdout.write('holding\n')
  await new Promise(() => undefined)
})
