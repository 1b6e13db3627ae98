import { gitOrFail, type GitRepo } from './safe-git'

/** A path's new content in a commit: a blob already stored, text to store, or null to remove the path. */
export type FileChange = { mode: string; sha: string } | { text: string } | null

export interface NewCommit {
  /** The first parent, whose tree the changes apply to; then any others (a merge). */
  parents: [string, ...string[]]
  changes: Map<string, FileChange>
  author: { name: string; email: string }
  message: string
  /** The ref fast-import records the commit under (it needs one); the caller moves its branch itself. */
  ref: string
}

/** C-style quoting, which fast-import reads for any path: spaces, quotes and control characters pass. */
const quoted = (path: string): string =>
  `"${[...path].map((c) => (c === '\\' || c === '"' ? `\\${c}` : c < ' ' || c === '\x7f' ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}"`

/** git refuses these in a name or an email; it would strip them itself when committing the usual way. */
const identPart = (text: string): string => text.replace(/[<>\n\r\0]/g, '').trim()

/**
 * Writes a commit in one git process: `git fast-import` stores the new
 * blobs, builds the trees from the first parent's with only the changed
 * paths, and writes the commit, where hashing each blob, filling an index
 * and writing the tree and the commit would take a process each. Touches
 * neither the work tree, nor git's index, nor any branch. Returns the commit.
 */
export async function writeCommit(repo: GitRepo, commit: NewCommit): Promise<string> {
  const ident = `${identPart(commit.author.name)} <${identPart(commit.author.email)}> now`
  const data = (text: string): Buffer[] => {
    const bytes = Buffer.from(text, 'utf8')
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
  // `done` last: a stream cut short (the sync killed) is refused whole.
  stream.push(Buffer.from('get-mark :1\ndone\n'))
  const out = await gitOrFail(repo, ['fast-import', '--quiet', '--force', '--date-format=now'], 'record the merge', { stdin: Buffer.concat(stream) })
  const sha = out.trim()
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new Error(`git fast-import answered “${sha}” instead of a commit`)
  return sha
}
