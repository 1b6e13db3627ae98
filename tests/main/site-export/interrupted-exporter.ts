/**
 * The interrupted-export test's victim: runs a site export and SIGKILLs
 * itself once the commit has put `killAt` files in place (or removed them),
 * printing how far it got first. A real kill at a chosen moment, not a throw:
 * nothing gets to clean up.
 * Usage: interrupted-exporter <library dir> <site dir> <killAt> <prune: yes|no>
 */
import { openLibrary } from '../../../src/main/library/library'
import { runSiteExport } from '../../../src/main/site-export/site-export'

async function main(): Promise<void> {
  const [libraryDir, siteDir, killAt, prune] = process.argv.slice(2)
  const library = await openLibrary(libraryDir!)
  await runSiteExport(library, { siteDir: siteDir!, profile: 'hugo', prune: prune === 'yes' }, {
    today: '2025-11-01',
    onProgress: ({ phase, done, total }) => {
      if (phase !== 'writing' || done < Number(killAt)) return
      process.stdout.write(`killed after ${done} of ${total}\n`)
      process.kill(process.pid, 'SIGKILL')
    }
  })
  process.stdout.write('finished\n')
}

void main()
