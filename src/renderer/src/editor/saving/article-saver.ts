import type { Article } from '../../../../shared/article/article'
import type { BodyDoc } from '../../../../shared/article/body'
import type { ArticleChanges } from '../../../../shared/library-api'
import { errorMessage } from '../../lib/api'

/** Edited fields, and the comment threads and suggestion decisions that go with the body. */
export type Changes = ArticleChanges

export type SaveStatus =
  | { state: 'saved'; at: Date | null }
  /** Edits wait for a pause in typing (or the deadline) before they are sent. */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; reason: string }

/** Reads the editor's body, or null when it is the same as the last one read. */
export type BodyReader = () => BodyDoc | null

export interface SaverOptions {
  /** Sends changed fields to the library and resolves with the stored article. */
  save(changes: Changes): Promise<Article>
  onSaved(article: Article, sent: Changes): void
}

/** About a second after typing stops: long enough not to save mid-word, short enough to lose little. */
export const AUTOSAVE_DELAY_MS = 1000
/** Typing that never pauses still saves this often, so little is ever lost and "Saved" keeps its time. */
export const AUTOSAVE_MAX_WAIT_MS = 5000

const isEmpty = (changes: Changes): boolean => Object.keys(changes).length === 0

/**
 * Autosave for one open article. Edits collect as pending changes; a save
 * starts once typing pauses, one request at a time, so the library sees them
 * in order. The body is read from the editor only when a save starts: getJSON
 * on every keystroke would cost more than the keystroke. A failed save keeps
 * its changes pending and is retried on the next change or an explicit save.
 */
export class ArticleSaver {
  private pending: Changes = {}
  private bodyDirty = false
  private readBody: BodyReader | null = null
  private savedAt: Date | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  /** When the oldest change not yet sent must be sent at the latest. */
  private deadline: number | null = null
  private inFlight: Promise<void> | null = null
  private queued: Promise<void> | null = null
  private current: SaveStatus = { state: 'saved', at: null }
  private readonly listeners = new Set<(status: SaveStatus) => void>()

  constructor(private readonly options: SaverOptions) {}

  get status(): SaveStatus {
    return this.current
  }

  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The editor whose body this saver reads; null once it is gone (the body is captured first). */
  attachBody(reader: BodyReader | null): void {
    if (!reader) this.capture()
    this.readBody = reader
  }

  change(fields: Changes): void {
    Object.assign(this.pending, fields)
    this.schedule()
  }

  bodyChanged(): void {
    this.bodyDirty = true
    this.schedule()
  }

  /** Saves everything changed so far; resolves once it is stored or has failed (see status). */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.deadline = null
    this.capture()
    if (this.inFlight) {
      // One request at a time: the follow-up takes whatever is pending when the current one ends.
      this.queued ??= this.inFlight.then(() => {
        this.queued = null
        return this.flush()
      })
      return this.queued
    }
    if (isEmpty(this.pending)) {
      // Edits that were undone, or changes that changed nothing: still saved as before.
      if (this.current.state === 'saving' || this.current.state === 'pending') this.setStatus({ state: 'saved', at: this.savedAt })
      return Promise.resolve()
    }
    return this.send()
  }

  /**
   * For a closing window: starts the request synchronously, even alongside one
   * already in flight, because nothing scheduled later would run. Main receives
   * IPC messages in the order they were sent.
   */
  flushNow(): void {
    clearTimeout(this.timer)
    this.capture()
    if (isEmpty(this.pending)) return
    void this.send()
  }

  /**
   * Saves `changes` in a request of their own, for edits the library may
   * refuse (a slug another article uses): the refusal goes back to the caller
   * and holds back none of the other changes. The library applies requests
   * one at a time, so this cannot interleave with an autosave.
   */
  async commit(changes: Changes): Promise<Article> {
    const article = await this.options.save(changes)
    this.options.onSaved(article, changes)
    return article
  }

  /**
   * Saves once typing pauses, or by the deadline when it does not. The status
   * says "Saving…" only while a request runs: edits waiting for the pause are
   * "pending", not being saved yet.
   */
  private schedule(): void {
    clearTimeout(this.timer)
    if (this.current.state === 'saved') this.setStatus({ state: 'pending' })
    const now = Date.now()
    this.deadline ??= now + AUTOSAVE_MAX_WAIT_MS
    this.timer = setTimeout(() => void this.flush(), Math.max(0, Math.min(AUTOSAVE_DELAY_MS, this.deadline - now)))
  }

  private capture(): void {
    if (this.bodyDirty && this.readBody) {
      const body = this.readBody()
      if (body) this.pending.body = body
      this.bodyDirty = false
    }
  }

  private send(): Promise<void> {
    const sent = this.pending
    this.pending = {}
    this.setStatus({ state: 'saving' })
    const settled: Promise<void> = this.options
      .save(sent)
      .then(
        (article) => {
          this.options.onSaved(article, sent)
          // A follow-up request already queued keeps "Saving…"; edits still being typed are pending.
          const more = this.inFlight !== settled || this.queued !== null
          this.savedAt = new Date()
          if (!more) this.setStatus(this.bodyDirty || !isEmpty(this.pending) ? { state: 'pending' } : { state: 'saved', at: this.savedAt })
        },
        (error: unknown) => {
          // Newer edits win over the ones that failed to reach the disk.
          this.pending = { ...sent, ...this.pending }
          this.setStatus({ state: 'failed', reason: errorMessage(error) })
        }
      )
      .finally(() => {
        if (this.inFlight === settled) this.inFlight = null
      })
    this.inFlight = settled
    return settled
  }

  private setStatus(status: SaveStatus): void {
    this.current = status
    for (const listener of this.listeners) listener(status)
  }
}
