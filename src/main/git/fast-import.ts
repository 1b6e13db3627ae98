import { UserError } from '../../shared/ipc/result'
import { firstLine, startGitWithErrors, type GitRepo } from './safe-git'

/** A path's new content in a commit: a blob already stored, text or bytes to store, or null to remove the path. */
export type FileChange = { mode: string; sha: string } | { text: string | Buffer } | null

export interface NewCommit {
  /** The first parent, whose tree the changes apply to; then any others (a merge). */
  parents: [string, ...string[]]
  changes: Map<string, FileChange>
  author: { name: string; email: string }
  message: string
  /**
   * The ref fast-import records the commit under (it needs one). A branch
   * moves only forward: a commit that does not descend from where it is now
   * is refused, and the branch stays.
   */
  ref: string
}

/** Called with the new commit once it is stored and before the ref moves to it; the ref moves only once it resolves. */
export type BeforeRefMoves = (commit: string) => Promise<void>

/** C-style quoting, which fast-import reads for any path: spaces, quotes and control characters pass. */
const quoted = (path: string): string =>
  `"${[...path].map((c) => (c === '\\' || c === '"' ? `\\${c}` : c < ' ' || c === '\x7f' ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}"`

/** git refuses these in a name or an email; it would strip them itself when committing the usual way. */
const identPart = (text: string): string => text.replace(/[<>\n\r\0]/g, '').trim()

/**
 * Writes a commit in one git process: `git fast-import` stores the new
 * blobs, builds the trees from the first parent's with only the changed
 * paths, writes the commit and moves `commit.ref` to it, where hashing each
 * blob, filling an index, writing the tree and the commit and moving the ref
 * would take a process each. Touches neither the work tree nor git's index.
 * fast-import names the commit (`get-mark`) before it moves the ref, which it
 * does only once told `done`: `beforeRefMoves` runs in between (a sync writes
 * its resume marker there). Returns the commit.
 */
export async function writeCommit(repo: GitRepo, commit: NewCommit, beforeRefMoves?: BeforeRefMoves): Promise<string> {
  const ident = `${identPart(commit.author.name)} <${identPart(commit.author.email)}> now`
  const data = (text: string | Buffer): Buffer[] => {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
    return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')]
  }
  const [first, ...others] = commit.parents
  const stream: Buffer[] = [
    Buffer.from(`feature done\ncommit ${commit.ref}\nmark :1\nauthor ${ident}\ncommitter ${ident}\n`),
    ...data(commit.message),
    Buffer.from(`from ${first}\n${others.map((sha) => `merge ${sha}\n`).join('')}`)
  ]
  for (const [path, change] of commit.changes) {
    if (change === null) stream.push(Buffer.from(`D ${quoted(path)}\n`))
    else if ('text' in change) stream.push(Buffer.from(`M 100644 inline ${quoted(path)}\n`), ...data(change.text))
    else stream.push(Buffer.from(`M ${change.mode} ${change.sha} ${quoted(path)}\n`))
  }
  stream.push(Buffer.from('get-mark :1\n'))

  // Kept as the pack fast-import writes: below 100 objects git would unpack it into a loose file per object, in one more process
  // re-compressing every tree (about 55 ms of CPU for a 10,000-article tree); a sync packs the history now and then (pack-history.ts).
  const child = startGitWithErrors(repo.dir, ['fast-import', '--quiet', '--date-format=now'], [...repo.filters, ['fastimport.unpackLimit', '0']])
  const errors: Buffer[] = []
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
  child.stdin.on('error', () => undefined)
  const ended = new Promise<number>((resolve, reject) => {
    child.once('error', (error) => reject(new UserError('io-error', `Could not run git: ${error.message}. Is git installed?`)))
    child.once('close', (code) => resolve(code ?? 1))
  })
  const named = new Promise<string>((resolve) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      if (out.includes('\n')) resolve(out.trim())
    })
    child.stdout.once('end', () => resolve(out.trim()))
  })
  child.stdin.write(Buffer.concat(stream))
  const sha = await Promise.race([named, ended.then(() => named)])
  const refused = (): UserError => new UserError('io-error', `Git could not record the merge: ${firstLine(Buffer.concat(errors).toString('utf8'))}.`)
  if (!/^[0-9a-f]{40,64}$/.test(sha)) {
    child.stdin.end()
    await ended
    throw refused()
  }
  try {
    await beforeRefMoves?.(sha)
  } catch (error) {
    // No `done`: fast-import refuses a stream cut short, so the ref stays where it was.
    child.stdin.end()
    await ended.catch(() => undefined)
    throw error
  }
  // `done` last: a stream cut short (the sync killed) is refused whole.
  child.stdin.end('done\n')
  if ((await ended) !== 0) throw refused()
  return sha
}
