import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { bodyText } from '../../../src/shared/article/body'
import type { Library } from '../../../src/main/library/library'
import { syncMerges } from '../../../src/main/sync/merges'
import { needsTools } from '../../support/system-tools'
import { paragraph } from '../merge/merge-fixtures'
import { makeTeam, tomas } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')

/**
 * Few runs in the suite, each a whole desk of three clones on real git: each run costs dozens of syncs. A longer
 * search is one variable away (COPYDESK_SYNC_PROPERTY_RUNS=20 COPYDESK_SYNC_PROPERTY_ROUNDS=8).
 */
const RUNS = Number(process.env['COPYDESK_SYNC_PROPERTY_RUNS'] ?? 2)
const ROUNDS = Number(process.env['COPYDESK_SYNC_PROPERTY_ROUNDS'] ?? 3)
const ARTICLES = 3
const PARAGRAPHS = 4

/** One person's edit: a new word at a spot in one paragraph of one article. */
interface Edit {
  article: number
  paragraph: number
  at: number
}
const editArb = fc.record({ article: fc.nat(ARTICLES - 1), paragraph: fc.nat(PARAGRAPHS - 1), at: fc.nat(6) })
/** Per round, per clone, one to three edits; then the clones sync in a random order. */
const roundArb = fc.record({ edits: fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }), order: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }) })

const paragraphsOf = (article: Article): string[] => (article.body.content ?? []).map((block) => (block.content ?? []).map((t) => t.text ?? '').join(''))

async function applyEdit(library: Library, ids: string[], edit: Edit, word: string): Promise<void> {
  const article = await library.getArticle(ids[edit.article]!)
  const texts = paragraphsOf(article)
  const at = Math.min(edit.paragraph, texts.length - 1)
  const words = texts[at]!.split(' ')
  words.splice(Math.min(edit.at, words.length), 0, word)
  texts[at] = words.join(' ')
  await library.saveArticle(article.id, { body: { type: 'doc', content: texts.map((text) => paragraph(text)) } })
}

/** The text of every conflict revision the merges kept: where the losing side's words live on. */
async function conflictTexts(dir: string, id: string): Promise<string> {
  const folder = join(dir, 'revisions', id)
  const names = await readdir(folder).catch(() => [] as string[])
  const texts: string[] = []
  for (const name of names.filter((n) => n.includes('-snapshot-'))) {
    const { info, article } = JSON.parse(await readFile(join(folder, name), 'utf8')) as { info: { name: string | null }; article: Article }
    if (info.name?.startsWith('Conflict')) texts.push(bodyText(article.body))
  }
  return texts.join('\n')
}

describe.skipIf(gitTool.skip)('sync, as a property: three clones editing and syncing in any order', () => {
  it(`ends with identical articles on every clone and every word written kept, over ${RUNS} desks of ${ROUNDS} rounds`, { timeout: 600_000 }, async () => {
    let totalEdits = 0
    await fc.assert(
      fc.asyncProperty(fc.array(roundArb, { minLength: ROUNDS, maxLength: ROUNDS }), async (rounds) => {
        const ids: string[] = []
        const team = await makeTeam(3, async (library) => {
          for (let a = 0; a < ARTICLES; a++) {
            const created = await library.createArticle({ title: `Article ${a}` })
            const body = { type: 'doc' as const, content: Array.from({ length: PARAGRAPHS }, (_, p) => paragraph(`a${a} p${p} one two three four five`)) }
            await library.saveArticle(created.id, { body })
            ids.push(created.id)
          }
        }, syncMerges)
        try {
          const written: string[] = []
          for (const [r, round] of rounds.entries()) {
            for (const [clone, edits] of round.edits.entries()) {
              for (const [n, edit] of edits.entries()) {
                const word = `w${r}c${clone}n${n}`
                written.push(word)
                await applyEdit(team.libraries[clone]!, ids, edit, word)
              }
            }
            for (const clone of round.order) {
              const status = await team.sync(team.libraries[clone]!, tomas)
              expect(status.lastError, `round ${r}, clone ${clone}`).toBeNull()
            }
          }
          // Twice round the desk: the first pass brings everyone's work to the last clone, the second back to the others.
          for (let pass = 0; pass < 2; pass++) for (const library of team.libraries) expect((await team.sync(library, tomas)).lastError).toBeNull()
          totalEdits += written.length

          for (const id of ids) {
            const versions = await Promise.all(team.libraries.map((library) => library.getArticle(id)))
            const [first, ...others] = versions.map((article) => JSON.stringify({ title: article.title, body: article.body, syncConflict: article.syncConflict ?? null }))
            for (const other of others) expect(other, `article ${id} is the same on every clone`).toBe(first)
          }
          const kept = [
            ...(await Promise.all(ids.map(async (id) => bodyText((await team.libraries[0]!.getArticle(id)).body)))),
            ...(await Promise.all(ids.map((id) => conflictTexts(team.libraries[0]!.dir, id))))
          ].join('\n')
          const lost = written.filter((word) => !new RegExp(`\\b${word}\\b`).test(kept))
          expect(lost, 'every word written is in an article or a kept conflict revision').toEqual([])
        } finally {
          await team.cleanup()
        }
      }),
      { numRuns: RUNS }
    )
    console.log(`[sync property] ${RUNS} desks × ${ROUNDS} rounds × 3 clones: ${totalEdits} edits, all kept, clones identical`)
  })
})
