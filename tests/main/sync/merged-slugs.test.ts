import { afterEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { needsTools } from '../../support/system-tools'
import { gitIn, makeTeam, tomas, type Team } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')

const addresses = async (library: Library): Promise<Record<string, string>> =>
  Object.fromEntries((await library.listArticles()).map((hit) => [hit.id, hit.slug]))

describe.skipIf(gitTool.skip)('sync: the same slug created on two clones', { timeout: 120_000 }, () => {
  let team: Team
  afterEach(() => team?.cleanup())

  it('gives the newer article the next free address in the merge, tells the users of both clones, and every clone agrees', async () => {
    team = await makeTeam(2, async (library) => void (await library.createArticle({ title: 'Budget night 2' })))
    const [a, b] = team.libraries as [Library, Library]
    const first = await a.createArticle({ title: 'Budget night' })
    const second = await b.createArticle({ title: 'Budget night' })
    expect([first.slug, second.slug]).toEqual(['budget-night', 'budget-night'])

    await team.sync(b, tomas)
    const merged = await team.sync(a)
    const arrived = await team.sync(b, tomas)

    const [older, newer] = [first, second].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id))
    expect(newer!.id).toBe(second.id)
    // “budget-night-2” is the seeded article's: the renamed one takes the first address nobody uses.
    const notice = '“Budget night” now has the address “budget-night-3”: “Budget night” already used “budget-night”.'
    expect(merged.notices).toEqual([notice])
    // The clone whose article was renamed learns it as the renamed file arrives.
    expect(arrived.notices).toEqual([notice])
    const expected = { [older!.id]: 'budget-night', [newer!.id]: 'budget-night-3' }
    for (const library of [a, b]) {
      expect(await addresses(library)).toMatchObject(expected)
      expect((await library.getArticle('budget-night-3')).id).toBe(newer!.id)
      expect(await gitIn(library.dir, 'status', '--porcelain')).toBe('')
    }
    expect(await gitIn(a.dir, 'rev-parse', 'HEAD')).toBe(await gitIn(b.dir, 'rev-parse', 'HEAD'))
  })
})
