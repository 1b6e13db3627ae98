import type { Article } from '../../src/shared/article/article'
import type { BodyDoc } from '../../src/shared/article/body'
import { openLibrary } from '../../src/main/library/library'
import { useBundledThread } from '../../src/main/threads/bundled-threads'
import { builtStampWorker, forkChild, nextMessage, runsAsChild } from './built-children'
import { timed } from './section'

/** Articles the saves go round: the first of the list by date, as a writer reopens recent work. */
const EDITED_ARTICLES = 50

type Request = { saves: number; from: number } | 'close'

const withEdit = (article: Article, n: number): BodyDoc => {
  const [first, ...rest] = article.body.content
  return { ...article.body, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Edited in save ${n}. ${JSON.stringify(first).length}` }] }, ...rest] }
}

/**
 * Run as a child of the bench: opens the library in `argv[2]` with search
 * ready, says so, then makes the body edits it is asked for and answers with
 * how long each save took, fsynced, with its revision and search update.
 */
if (runsAsChild(import.meta)) {
  void (async () => {
    useBundledThread('stamps', builtStampWorker(import.meta.filename))
    const library = await openLibrary(process.argv[2]!, 'existing', { indexNow: false })
    await library.searchReady()
    const targets = (await library.listArticles({})).slice(0, EDITED_ARTICLES)
    const articles = await Promise.all(targets.map((target) => library.getArticle(target.id)))
    process.on('message', (request: Request) => {
      if (request === 'close') return void library.close().then(() => process.exit(0))
      void (async () => {
        const times: number[] = []
        for (let n = request.from; n < request.from + request.saves; n++) {
          const article = articles[n % articles.length]!
          times.push((await timed(() => library.saveArticle(article.id, { body: withEdit(article, Date.now() + n) }))).ms)
        }
        process.send!(times)
      })()
    })
    process.send!('ready')
  })()
}

/**
 * `saves` saves in each library of `dirs`, each library open in a process of
 * its own (its own heap and collector, as in the app), taking turns of `turn`
 * saves, the order reversed every round. The libraries are then compared over
 * the same minutes: measured one after the other, minutes apart, their ratio
 * followed the machine's load in those minutes more than the libraries.
 */
export async function savesByTurns(dirs: string[], saves: number, turn: number): Promise<number[][]> {
  const children = await Promise.all(dirs.map((dir) => forkChild('library-saves', [dir])))
  try {
    await Promise.all(children.map((child) => nextMessage<'ready'>(child)))
    const times: number[][] = dirs.map(() => [])
    for (let from = 0, round = 0; from < saves; from += turn, round++) {
      const order = round % 2 === 0 ? children.keys() : [...children.keys()].reverse()
      for (const i of order) {
        const answer = nextMessage<number[]>(children[i]!)
        children[i]!.send({ saves: Math.min(turn, saves - from), from } satisfies Request)
        times[i]!.push(...(await answer))
      }
    }
    await Promise.all(children.map((child) => new Promise((done) => child.once('exit', done).send('close' satisfies Request))))
    return times
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill()
  }
}
