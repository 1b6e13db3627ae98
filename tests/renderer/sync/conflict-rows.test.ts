import { describe, expect, it } from 'vitest'
import type { BodyDoc } from '../../../src/shared/article/body'
import { chosenBody, conflictRows, sideRuns } from '../../../src/renderer/src/sync/conflict-rows'
import { paragraph } from '../../main/merge/merge-fixtures'

const doc = (...texts: string[]): BodyDoc => ({ type: 'doc', content: texts.map((text) => paragraph(text)) })
const texts = (body: BodyDoc): string[] => (body.content ?? []).map((block) => block.content?.[0]?.text ?? '')

describe('the side-by-side rows of a sync conflict', () => {
  const ours = doc('Intro.', 'Met on Wednesday.', 'Close vote.', 'Our extra line.')
  const theirs = doc('Intro.', 'Met on Thursday.', 'Close vote.')
  const rows = conflictRows(ours, theirs)

  it('line up the shared blocks once and pair the differing ones, a block only one side has facing nothing', () => {
    expect(rows.map((row) => (row.same ? 'same' : `${row.ours ? 'ours' : '-'}/${row.theirs ? 'theirs' : '-'}`))).toEqual(['same', 'ours/theirs', 'same', 'ours/-'])
    const pair = rows[1]!
    if (pair.same) throw new Error('expected a differing row')
    expect(sideRuns(pair).theirs!.filter((run) => run.kind !== 'same').map((run) => run.text)).toEqual(['Thursday'])
  })

  it('build the body from the picks: the chosen side at each differing place, nothing where that side had none', () => {
    expect(texts(chosenBody(ours, rows, []))).toEqual(texts(ours))
    expect(texts(chosenBody(ours, rows, rows.map(() => 'theirs')))).toEqual(texts(theirs))
    expect(texts(chosenBody(ours, rows, ['ours', 'theirs', 'ours', 'ours']))).toEqual(['Intro.', 'Met on Thursday.', 'Close vote.', 'Our extra line.'])
  })
})
