import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../../../src/shared/article/article'
import type { BodyDoc } from '../../../../src/shared/article/body'
import type { ArticleSummary } from '../../../../src/shared/library-api'
import { AUTOSAVE_MAX_WAIT_MS, ArticleSaver, type Changes, type SaveStatus } from '../../../../src/renderer/src/editor/saving/article-saver'
import type { BodyBasis } from '../../../../src/renderer/src/editor/saving/article-saves'

const body = (text: string): BodyDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

describe('autosave while someone types without pausing', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves at least every few seconds, and says “Saving…” only while a request runs (“Editing…” between)', async () => {
    const sent: Changes[] = []
    const statuses: SaveStatus['state'][] = []
    let typed = ''
    const saver = new ArticleSaver(
      {
        save: (changes) => {
          sent.push(changes)
          return Promise.resolve({ article: {} as Article, summary: {} as ArticleSummary, bodyFingerprint: `f${sent.length}`, body: null })
        },
        onSaved: () => undefined
      },
      { body: body(''), fingerprint: 'f0' }
    )
    saver.attachBody({ read: () => body(typed), take: () => null })
    saver.subscribe((status) => statuses.push(status.state))
    // A keystroke every 150 ms for 12 seconds: never the one-second pause autosave waits for.
    for (let t = 0; t < 12_000; t += 150) {
      typed += 'a'
      saver.bodyChanged()
      await vi.advanceTimersByTimeAsync(150)
    }
    expect(sent.length).toBeGreaterThanOrEqual(Math.floor(12_000 / AUTOSAVE_MAX_WAIT_MS))
    expect((sent.at(-1)!.body!.content![0]!.content![0] as { text: string }).text.length).toBeGreaterThan(12_000 / 150 / 2)
    // Each save shows "Saving…" once, then "Editing…" while typing goes on; "Saved" once it stops.
    expect(statuses.filter((s) => s === 'saving').length).toBe(sent.length)
    expect(statuses.at(-1)).toBe('pending')
    await saver.flush()
    expect(saver.status.state).toBe('saved')
  })
})

describe('a library body that moved on elsewhere', () => {
  const saved = (body: BodyDoc | null, fingerprint: string) => ({ article: {} as Article, summary: {} as ArticleSummary, bodyFingerprint: fingerprint, body })

  it('goes into the editor from the answer that merged it, and the next save builds on it', async () => {
    const basisSent: (BodyBasis | null)[] = []
    const merged = body('Theirs and mine')
    let answer = saved(merged, 'merged')
    const saver = new ArticleSaver(
      {
        save: (_changes, basis) => {
          basisSent.push(basis)
          return Promise.resolve(answer)
        },
        onSaved: () => undefined
      },
      { body: body('Before'), fingerprint: 'f0' }
    )
    const taken: [BodyDoc, BodyDoc][] = []
    let typed = body('Mine')
    saver.attachBody({ read: () => typed, take: (basis, library) => (taken.push([basis, library]), library) })
    saver.bodyChanged()
    await saver.flush()
    // The editor was asked to take the merge in place of what it sent.
    expect(taken).toEqual([[typed, merged]])
    typed = body('Theirs and mine, typed on')
    answer = saved(null, 'next')
    saver.bodyChanged()
    await saver.flush()
    expect(basisSent).toEqual([
      { body: body('Before'), fingerprint: 'f0' },
      { body: merged, fingerprint: 'merged' }
    ])
  })

  it('when the editor was typed in where the library changed, is left to the library to merge at the next save', async () => {
    const basisSent: (BodyBasis | null)[] = []
    const saver = new ArticleSaver(
      {
        save: (changes, basis) => {
          basisSent.push(basis)
          return Promise.resolve(saved(changes.body ? null : body('Elsewhere'), basisSent.length === 1 ? 'moved' : 'merged'))
        },
        onSaved: () => undefined
      },
      { body: body('Before'), fingerprint: 'f0' }
    )
    let typed = body('Before')
    saver.attachBody({ read: () => typed, take: () => null })
    // A save without the body (a comment) answers with a body this editor did not build on.
    saver.change({ title: 'Title' })
    await saver.flush()
    typed = body('Mine')
    saver.bodyChanged()
    await saver.flush()
    expect(basisSent[1]).toEqual({ body: body('Before'), fingerprint: null })
  })
})

describe('the last save as the page goes', () => {
  it('sent alongside a save in flight, builds on the body that one sends, and goes to be merged', async () => {
    const requests: [Changes, BodyBasis][] = []
    const answers: (() => void)[] = []
    const saver = new ArticleSaver(
      {
        save: (changes, basis) => {
          requests.push([changes, basis])
          return new Promise((resolve) => answers.push(() => resolve({ article: {} as Article, summary: {} as ArticleSummary, bodyFingerprint: `f${requests.length}`, body: null })))
        },
        onSaved: () => undefined
      },
      { body: body('Before'), fingerprint: 'f0' }
    )
    let typed = body('First')
    saver.attachBody({ read: () => typed, take: () => null })
    saver.bodyChanged()
    const first = saver.flush()
    typed = body('First, and the last keys')
    saver.bodyChanged()
    saver.flushNow()
    expect(requests.map(([changes, basis]) => [changes.body, basis])).toEqual([
      [body('First'), { body: body('Before'), fingerprint: 'f0' }],
      [body('First, and the last keys'), { body: body('First'), fingerprint: null }]
    ])
    for (const answer of answers) answer()
    await first
  })
})
