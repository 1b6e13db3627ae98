import { describe, expect, it } from 'vitest'
import { StatusAnswers } from '../../../src/renderer/src/sync/status-answers'

describe('StatusAnswers', () => {
  it('shows a status read that nothing overtook', () => {
    const answers = new StatusAnswers()
    const read = answers.read()
    expect(read()).toBe(true)
  })

  it('drops a read asked before a sync that answered first: "Synced" must not come back over "Not synced: <reason>"', () => {
    const answers = new StatusAnswers()
    const before = answers.read()
    answers.syncStarted()
    answers.syncEnded()
    expect(before()).toBe(false)
    // Asked once the sync has answered, a read is current again.
    expect(answers.read()()).toBe(true)
  })

  it('drops a read that answers while a sync runs, or that was asked while one ran', () => {
    const answers = new StatusAnswers()
    const before = answers.read()
    answers.syncStarted()
    expect(before()).toBe(false)
    const during = answers.read()
    answers.syncEnded()
    expect(during()).toBe(false)
  })

  it('drops a read overtaken by a later read', () => {
    const answers = new StatusAnswers()
    const first = answers.read()
    const second = answers.read()
    expect(first()).toBe(false)
    expect(second()).toBe(true)
  })

  it('counts a sync once however often its end is told', () => {
    const answers = new StatusAnswers()
    answers.syncStarted()
    answers.syncEnded()
    const after = answers.read()
    answers.syncEnded()
    expect(after()).toBe(true)
  })
})
