/**
 * The crash test's victim: saves and creates articles in a loop and prints
 * one line per save the library acknowledged, until it is killed (by the
 * test, or by itself through the kill switch).
 * Usage: crash-writer <library dir> <first counter>
 */
import './kill-switch'
import { openLibrary } from '../../../src/main/library/library'
import { saveFields } from './crash-saves'

async function main(): Promise<void> {
  const [dir, first] = process.argv.slice(2)
  const library = await openLibrary(dir!, 'create', { indexNow: false })
  const ids = (await library.listArticles({})).map((hit) => hit.id)
  process.stdout.write('ready\n')
  for (let n = Number(first); ; n++) {
    if (ids.length < 3 || n % 5 === 0) {
      const article = await library.createArticle(saveFields(n))
      ids.push(article.id)
      process.stdout.write(`ack ${article.id} ${n}\n`)
    } else {
      const id = ids[n % ids.length]!
      await library.saveArticle(id, saveFields(n))
      process.stdout.write(`ack ${id} ${n}\n`)
    }
  }
}

void main()
