/**
 * A sync in a process of its own, for the kill tests: syncs the library in
 * argv[2] and, when argv[3] names a step, SIGKILLs itself the moment the sync
 * reaches it (`branch-moved`: the merge commit is the branch, its files not
 * written yet). It prints each step as it goes. Killed at `packing`, once
 * the sync has answered, it takes git's repack with it (the test starts it
 * as a process group), and packs once any second pack is there, so the test
 * can have the repack run. With no step it waits, once done, to be killed.
 */
import { openLibrary } from '../../../src/main/library/library'
import { historyPacked, PACKING_LIMITS } from '../../../src/main/sync/pack-history'
import { syncLibrary } from '../../../src/main/sync/sync'
import { oursWinsMerge } from './ours-wins-merge'

async function main(dir: string, killAt: string | undefined): Promise<void> {
  const library = await openLibrary(dir, 'existing', { indexNow: false })
  process.stdout.write('opened\n')
  const status = await syncLibrary(library, {
  ...oursWinsMerge(),
    author: { name: 'Killed Sync', email: '' },
    packingLimits: { ...PACKING_LIMITS, packs: 1 },
    onStep: (step) => {
      process.stdout.write(`${step}\n`)
      // git's repack starts in this same turn, right after the step is told; the next turn kills the whole group, git with it.
      if (step === killAt && step === 'packing') setImmediate(() => process.kill(-process.pid, 'SIGKILL'))
      else if (step === killAt) process.kill(process.pid, 'SIGKILL')
    }
  })
  process.stdout.write(`${status.state}\n`)
  await historyPacked(library.dir)
  await library.close()
  // Killed after a while instead (no step): waits for it, should the sync end first on a fast machine.
  if (!killAt) setInterval(() => undefined, 60_000)
}

void main(process.argv[2]!, process.argv[3])
