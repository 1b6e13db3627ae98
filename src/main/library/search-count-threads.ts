import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { startThread } from '../threads/start-thread'
import { countedArticles, type CountedBatch } from './search-counts'
import type { CountedField } from './search-index'
import { grown } from './search-postings'

/** A batch of articles to count: their files, and the ids those files must hold. */
export interface CountRequest {
  batch: number
  files: string[]
  ids: string[]
}
export interface CountReply extends CountedBatch {
  batch: number
}

/**
 * Two threads, or one on a single core: the main thread adds a counted
 * article to the index in about a quarter of the CPU a thread takes to read
 * and count it, so two keep it fed; with the cores kept busy by other
 * threads of the process (the bench's), the build got half as much again of
 * them as on the main thread alone (10,000 articles: 1.5 to 1.8 ms per article
 * instead of 2.4).
 */
export const COUNT_THREADS = Math.min(2, availableParallelism())
/** Batches sent to each thread ahead of the one the main thread waits for: enough that none runs dry, few enough to hold little. */
const AHEAD = 4

interface Thread {
  worker: Worker
  /** Batches sent and not answered yet. */
  waiting: number
  /** Per number the thread gave a word: the index's number for that word. */
  numbers: Int32Array
  numbered: number
}

interface Answer {
  thread: Thread
  reply: Promise<CountReply>
  resolve(reply: CountReply): void
  reject(error: Error): void
}

/**
 * The threads that read and count the articles of a first search build
 * (search-count-worker.ts), batch by batch, while the main thread adds
 * those counted before to the index. Batches are asked for in order; each
 * goes to the thread with the fewest waiting.
 */
export class CountingThreads {
  private readonly threads: Thread[] = []
  private readonly answers = new Map<number, Answer>()
  private sent = 0
  private taken = 0
  private failure: Error | null = null
  private closed = false

  /**
   * Starts `size` threads for `batches` batches, `request(n)` being batch n;
   * `termOf` gives the index's number for a word. Throws when a thread cannot
   * start (a build that names none).
   */
  constructor(
    size: number,
    private readonly batches: number,
    private readonly request: (batch: number) => CountRequest,
    private readonly termOf: (word: string) => number
  ) {
    try {
      for (let i = 0; i < size; i++) this.threads.push(this.started(startThread('search')))
    } catch (error) {
      void this.close()
      throw error
    }
    this.send()
  }

  /**
   * Batch `n`'s articles, each counted, with the index's numbers for its
   * words, or null when its file could not be read as that article. Asked for
   * in order, 0 first; rejects once a thread failed.
   */
  async counted(n: number): Promise<(CountedField[] | null)[]> {
    const answer = this.answers.get(n)
    if (!answer) throw this.failure ?? new Error(`Batch ${n} was not asked for in order.`)
    const reply = await answer.reply
    this.answers.delete(n)
    this.taken = n + 1
    this.send()
    // The thread's new words are learnt in the order it numbered them: its batches are taken in the order it counted them.
    const { thread } = answer
    if (reply.words !== '') {
      for (const word of reply.words.split(' ')) {
        thread.numbers = grown(thread.numbers, thread.numbered + 1)
        thread.numbers[thread.numbered++] = this.termOf(word)
      }
    }
    return countedArticles(reply.counts, thread.numbers)
  }

  /** Ends the threads; batches not taken yet are not counted. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.threads.map(({ worker }) => worker.terminate().catch(() => undefined)))
  }

  private started(worker: Worker): Thread {
    const thread: Thread = { worker, waiting: 0, numbers: new Int32Array(1024), numbered: 0 }
    worker.on('message', (reply: CountReply) => {
      thread.waiting--
      this.answers.get(reply.batch)?.resolve(reply)
      this.send()
    })
    worker.on('error', (error) => this.fail(error))
    worker.on('exit', (code) => this.fail(new Error(`A thread counting words for search stopped (exit code ${code}) before it was done.`)))
    return thread
  }

  /** Sends the next batches to the threads with the fewest waiting, up to AHEAD each past the one taken last. */
  private send(): void {
    while (!this.failure && !this.closed && this.sent < this.batches && this.sent < this.taken + AHEAD * this.threads.length) {
      const thread = this.threads.reduce((a, b) => (b.waiting < a.waiting ? b : a))
      const n = this.sent++
      let resolve!: (reply: CountReply) => void
      let reject!: (error: Error) => void
      const reply = new Promise<CountReply>((yes, no) => ((resolve = yes), (reject = no)))
      // Awaited only when its turn comes: a failure meanwhile is not unhandled.
      reply.catch(() => undefined)
      this.answers.set(n, { thread, reply, resolve, reject })
      thread.waiting++
      thread.worker.postMessage(this.request(n) satisfies CountRequest)
    }
  }

  private fail(error: Error): void {
    if (this.closed || this.failure) return
    this.failure = error
    for (const answer of this.answers.values()) answer.reject(error)
    void this.close()
  }
}
