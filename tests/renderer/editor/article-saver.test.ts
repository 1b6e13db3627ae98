import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { BodyDoc } from '../../../src/shared/article/body'
import { AUTOSAVE_MAX_WAIT_MS, ArticleSaver, type Changes, type SaveStatus } from '../../../src/renderer/src/editor/saving/article-saver'

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
    const saver = new ArticleSaver({
      save: (changes) => {
        sent.push(changes)
        return Promise.resolve({} as Article)
      },
      onSaved: () => undefined
    })
    saver.attachBody(() => body(typed))
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
