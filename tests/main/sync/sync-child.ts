/**
 * A sync in a process of its own, for the kill tests: syncs the library in
 * argv[2] and, when argv[3] names a step, SIGKILLs itself the moment the sync
 * reaches it (`branch-moved`: the merge commit is the branch, its files not
 * written yet). It prints each step as it goes.
 */
import { openLibrary } from '../../../src/main/library/library'
import { syncLibrary } from '../../../src/main/sync/sync'
import { oursWinsMerge } from './ours-wins-merge'

async function main(dir: string, killAt: string | undefined): Promise<void> {
  const library = await openLibrary(dir, 'existing', { indexNow: false })
  process.stdout.write('opened\n')
  const status = await syncLibrary(library, {
  ...oursWinsMerge(),
    author: { name: 'Killed Sync', email: '' },
    onStep: (step) => {
      process.stdout.write(`${step}\n`)
      if (step === killAt) process.kill(process.pid, 'SIGKILL')
    }
  })
  process.stdout.write(`${status.state}\n`)
  await library.close()
}

void main(process.argv[2]!, process.argv[3])
