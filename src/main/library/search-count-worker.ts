import { parentPort } from 'node:worker_threads'
import { readArticleText } from './article-files'
import { CountsWriter } from './search-counts'
import type { CountReply, CountRequest } from './search-count-threads'
import { searchFields } from './search-index'
import { TermCounter } from './search-term-count'
import { TermTable } from './search-term-table'

/**
 * Reads, parses and counts the words of the articles of a first search
 * build, for the main thread to add to its index (search-count-threads.ts):
 * most of a build's work, done for each article on its own. Words are
 * numbered here in the order this thread meets them; each batch's answer
 * carries the words it met first, so batches are counted, and answered, in
 * the order they came.
 */
const table = new TermTable()
let numbered = 0
let newWords: string[] = []
const counter = new TermCounter((text, start, end, hash) => {
  const found = table.find(text, start, end, hash)
  if (found >= 0) return found
  const word = text.slice(start, end)
  table.add(numbered, word)
  newWords.push(word)
  return numbered++
})

let counted: Promise<void> = Promise.resolve()
parentPort!.on('message', ({ batch, files, ids }: CountRequest) => {
  // Read at once, while the batches before are counted.
  const reading = Promise.all(files.map(readArticleText))
  counted = counted.then(async () => {
    const articles = await reading
    const writer = new CountsWriter()
    articles.forEach((article, i) => writer.article(article && article.id === ids[i] ? searchFields(article) : null, counter))
    const counts = writer.done()
    parentPort!.postMessage({ batch, words: newWords.join(' '), counts } satisfies CountReply, [counts.buffer])
    newWords = []
  })
})
