import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { INDEX_FILE } from '../../../src/main/library/layout'
import { openLibrary } from '../../../src/main/library/library'
import { needsTools } from '../../support/system-tools'
import { gitIn, makeTeam, type Team } from '../sync/team'

const gitTool = needsTools(['git'], 'clones a shared library with git')

describe.skipIf(gitTool.skip)('a shared library cloned with plain git clone', () => {
  let team: Team | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('opens with its articles and no notice: its index was never in the repository, so building one is no news', async () => {
    team = await makeTeam(1, async (library) => {
      await library.createArticle({ title: 'Council budget' })
      await library.createArticle({ title: 'Budget night' })
    })
    const folder = join(team.dir, 'cloned-by-hand')
    await gitIn(team.dir, 'clone', '--quiet', team.remote, folder)
    const cloned = await openLibrary(folder, 'existing')
    team.libraries.push(cloned)
    expect(cloned.info()).toMatchObject({ articleCount: 2, notices: [] })
    expect((await cloned.listArticles()).map((hit) => hit.title).sort()).toEqual(['Budget night', 'Council budget'])

    // An index lost from a library that is not such a clone is still news.
    const [shared] = team.libraries
    await shared!.close()
    await rm(join(shared!.dir, '.gitignore'))
    await rm(join(shared!.dir, INDEX_FILE))
    const reopened = await openLibrary(shared!.dir, 'existing')
    team.libraries[0] = reopened
    expect(reopened.info().notices).toEqual(['The library index was missing, so it was rebuilt from 2 article files.'])
  })
})
