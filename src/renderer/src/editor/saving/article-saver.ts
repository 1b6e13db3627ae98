import type { Article } from '../../../../shared/article/article'
import type { BodyDoc } from '../../../../shared/article/body'
import type { ArticleChanges, SavedEdit } from '../../../../shared/library-api'
import { errorMessage } from '../../lib/api'
import type { BodyBasis } from './article-saves'

/** Edited fields, and the comment threads and suggestion decisions that go with the body. */
export type Changes = ArticleChanges

export type SaveStatus =
  | { state: 'saved'; at: Date | null }
  /** Edits wait for a pause in typing (or the deadline) before they are sent. */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; reason: string }

/** The editor, as its saver sees it. */
export interface BodySource {
  /** The editor's body, or null when it is the same as the last one read. */
  read(): BodyDoc | null
  /**
   * Takes in `body`, the library's, where the editor's edits started from
   * `basis`; keeps what was typed since. Returns the editor's new basis, or
   * null, changing nothing, when typing since touched the blocks that differ.
   */
  take(basis: BodyDoc, body: BodyDoc): BodyDoc | null
}

export interface SaverOptions {
  /** Sends changed fields to the library, a body as an edit of `basis`, and resolves with the stored article. */
  save(changes: Changes, basis: BodyBasis): Promise<SavedEdit>
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
 *
 * Every answer carries the library's body. When it is not the one the editor
 * built on (a sync or a review bundle brought others' edits, merged into this
 * save or stored before it), the editor takes it in where it stands; saves
 * never send a body that would undo those edits.
 */
export class ArticleSaver {
  private pending: Changes = {}
  private bodyDirty = false
  private source: BodySource | null = null
  private savedAt: Date | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  /** When the oldest change not yet sent must be sent at the latest. */
  private deadline: number | null = null
  private inFlight: Promise<void> | null = null
  /** The body the request in flight leaves in the library, as far as this editor can know: the base of a save sent alongside it. */
  private leaving: BodyDoc | null = null
  private queued: Promise<void> | null = null
  private current: SaveStatus = { state: 'saved', at: null }
  private readonly listeners = new Set<(status: SaveStatus) => void>()

  /** `basis`: the body as the article opened, where the editor's edits start. */
  constructor(
    private readonly options: SaverOptions,
    private basis: BodyBasis
  ) {}

  get status(): SaveStatus {
    return this.current
  }

  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The editor whose body this saver reads; null once it is gone (the body is captured first). */
  attachBody(source: BodySource | null): void {
    if (!source) this.capture()
    this.source = source
  }

  /** Fields changed here and not yet sent; a copy of the article from the library must not show older values for them. */
  get unsent(): Readonly<Changes> {
    return this.pending
  }

  /**
   * The library's body, read after it may have changed elsewhere: the editor
   * takes it in. Not while a save runs: its answer brings the library's body
   * as it stands once the save is in.
   */
  adopt(body: BodyDoc, fingerprint: string): void {
    if (!this.inFlight) this.takeIn(body, fingerprint)
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
   * IPC messages in the order they were sent. The body goes with its basis, to
   * be merged if the library's copy moved on: one request, as no refusal could
   * be answered by a page that is gone.
   */
  flushNow(): void {
    clearTimeout(this.timer)
    this.capture()
    if (isEmpty(this.pending)) return
    void this.send({ ...this.basis, fingerprint: null })
  }

  /**
   * Saves `changes` in a request of their own, for edits the library may
   * refuse (a slug another article uses): the refusal goes back to the caller
   * and holds back none of the other changes. The library applies requests
   * one at a time, so this cannot interleave with an autosave.
   */
  async commit(changes: Changes): Promise<Article> {
    const article = this.settle(await this.options.save(changes, this.basis), changes)
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
    if (this.bodyDirty && this.source) {
      const body = this.source.read()
      if (body) this.pending.body = body
      this.bodyDirty = false
    }
  }

  private send(basis: BodyBasis = this.basis): Promise<void> {
    const sent = this.pending
    this.pending = {}
    this.setStatus({ state: 'saving' })
    // A save alongside one in flight (flushNow) builds on the body that one sends, and is merged with whatever the
    // library holds once it is in: that body, or a merge of it with edits from elsewhere.
    if (this.inFlight && this.leaving) basis = { body: this.leaving, fingerprint: null }
    this.leaving = sent.body ?? basis.body
    const settled: Promise<void> = this.options
      .save(sent, basis)
      .then(
        (saved) => {
          this.options.onSaved(this.settle(saved, sent), sent)
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

  /**
   * The editor's basis after an answer: the body sent, unless the library
   * holds another, which the editor takes in. Returns the stored article: the
   * answer leaves out the body the editor holds.
   */
  private settle(saved: SavedEdit, sent: Changes): Article {
    const held = sent.body ?? this.basis.body
    if (sent.body) this.basis = { body: sent.body, fingerprint: saved.body ? null : saved.bodyFingerprint }
    if (saved.body) this.takeIn(saved.body, saved.bodyFingerprint)
    return { ...saved.article, body: saved.body ?? held }
  }

  private takeIn(body: BodyDoc, fingerprint: string): void {
    if (fingerprint === this.basis.fingerprint) return
    const basis = this.source?.take(this.basis.body, body) ?? null
    if (!basis) {
      // Typed over the same blocks, or no editor: the next body sent goes with its basis, and the library merges.
      this.basis = { ...this.basis, fingerprint: null }
      if (this.source) this.bodyChanged()
      return
    }
    this.basis = { body: basis, fingerprint }
    // A body read before the editor took this in would undo it: the next save reads the editor again.
    if (this.pending.body) {
      delete this.pending.body
      this.bodyDirty = true
    }
  }

  private setStatus(status: SaveStatus): void {
    this.current = status
    for (const listener of this.listeners) listener(status)
  }
}
