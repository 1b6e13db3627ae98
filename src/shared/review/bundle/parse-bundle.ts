import { plainIssueMessage } from '../../ipc/plain-issue'
import { isImageNode, walkBody, type BodyDoc } from '../../article/body'
import { toProseMirror } from '../../schema/to-prosemirror'
import { isSafeLinkUrl } from '../../article/urls'
import { UserError } from '../../ipc/result'
import { BUNDLE_KIND, BUNDLE_VERSION, reviewBundleSchema, type ReviewBundle } from './bundle-format'

/** Far above any real bundle (a thousand long articles), low enough to refuse a file that would stall the app. */
export const BUNDLE_MAX_CHARACTERS = 100 * 1024 * 1024

const refuse = (message: string, details?: string[]): never => {
  throw new UserError('invalid-input', message, details)
}

/**
 * Reads a review bundle file. Anything that is not a complete, valid bundle
 * of this version is refused with a reason a person can act on: another kind
 * of file, a newer format, a damaged file, a body Copydesk cannot read, a
 * link that could run code.
 */
export function parseBundle(text: string): ReviewBundle {
  if (text.length > BUNDLE_MAX_CHARACTERS) refuse('This file is too large to be a review bundle.')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    refuse('This file is not a Copydesk review bundle: it is not JSON.')
  }
  const header = (typeof data === 'object' && data !== null ? data : {}) as { kind?: unknown; version?: unknown }
  if (header.kind !== BUNDLE_KIND) refuse('This file is not a Copydesk review bundle.')
  if (typeof header.version === 'number' && header.version > BUNDLE_VERSION)
    refuse('This review bundle was made by a newer version of Copydesk; update Copydesk to open it.')
  try {
    const parsed = reviewBundleSchema.safeParse(data)
    // An article past the body's bounds says so in words of its own.
    const plain = parsed.success ? undefined : plainIssueMessage(parsed.error.issues)
    if (plain) return refuse(`This review bundle cannot be opened: ${plain}`)
    if (!parsed.success)
      return refuse(
        'This review bundle is damaged or incomplete.',
        parsed.error.issues.slice(0, 20).map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      )
    checkContent(parsed.data)
    return parsed.data
  } catch (error) {
    // Nesting deep enough to exhaust the stack is a hostile file, not a bug.
    if (error instanceof RangeError) refuse('This review bundle is nested too deeply to be a real article.')
    throw error
  }
}

function checkContent(bundle: ReviewBundle): void {
  const ids = new Set<string>()
  for (const { article, base } of bundle.articles) {
    const name = `“${article.title || article.slug}”`
    if (ids.has(article.id)) refuse(`The review bundle holds the article ${name} twice.`)
    ids.add(article.id)
    for (const body of [article.body, base.body]) {
      try {
        toProseMirror(body)
      } catch (error) {
        refuse(`The article ${name} in this review bundle cannot be read: ${(error as Error).message}`)
      }
      const unsafe = unsafeUrls(body)
      if (unsafe.length > 0) refuse(`The article ${name} in this review bundle contains links that could run code.`, unsafe)
    }
  }
}

function unsafeUrls(body: BodyDoc): string[] {
  const unsafe: string[] = []
  const check = (url: unknown): void => {
    if (typeof url === 'string' && !isSafeLinkUrl(url)) unsafe.push(url.slice(0, 200))
  }
  walkBody(body, (node) => {
    if (isImageNode(node)) check(node.attrs?.['src'])
    for (const mark of node.marks ?? []) if (mark.type === 'link') check(mark.attrs?.['href'])
  })
  return unsafe
}
