import type { Article, StatusChange } from '../article/article'

/**
 * What an approval vouches for: every field a writer edits (text and
 * metadata), not the review's own data (status, comments, decisions), so a
 * comment after approval is not an edit of the approved article.
 */
const approvedFields = ['title', 'dek', 'body', 'slug', 'authors', 'tags', 'category', 'description', 'featuredImage', 'publishDate', 'related'] as const

/** JSON with object keys sorted, so the same content always reads the same whatever order its keys were written in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, v]) => `${JSON.stringify(key)}:${stableJson(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * A fingerprint of the approved fields: cyrb53 run twice with different
 * seeds (106 bits). It tells changed content from unchanged, nothing more; it
 * guards against no one, so a fast pure function shared by every process will do.
 */
export function contentDigest(article: Pick<Article, (typeof approvedFields)[number]>): string {
  const text = stableJson(Object.fromEntries(approvedFields.map((field) => [field, article[field]])))
  const cyrb53 = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed
    let h2 = 0x41c6ce57 ^ seed
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i)
      h1 = Math.imul(h1 ^ ch, 2654435761)
      h2 = Math.imul(h2 ^ ch, 1597334677)
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
  }
  return `${cyrb53(1)}.${cyrb53(2)}`
}

/** The step that approved the article last, if it was ever approved. */
export function lastApproval(article: Pick<Article, 'statusHistory'>): StatusChange | undefined {
  return (article.statusHistory ?? []).findLast((change) => change.to === 'approved')
}

/** The last review decision (changes requested or approved): what "since the last review" compares with. */
export function lastReview(article: Pick<Article, 'statusHistory'>): StatusChange | undefined {
  return (article.statusHistory ?? []).findLast((change) => change.to === 'approved' || change.to === 'changes-requested')
}

/**
 * True when an approved or published article's text or metadata differ from
 * what its editor approved. An approval recorded before approvals kept a
 * digest cannot tell, and counts as unchanged.
 */
export function editedSinceApproval(article: Article): boolean {
  if (article.status !== 'approved' && article.status !== 'published') return false
  const digest = lastApproval(article)?.approvedDigest
  return digest !== undefined && digest !== contentDigest(article)
}

/** What export says of an article edited since approval: export and publishing warn, they do not refuse. */
export function editedSinceApprovalWarning({ id, title }: { id: string; title: string }): { articleId: string; title: string; kind: 'edited-since-approval'; message: string } {
  return {
    articleId: id,
    title,
    kind: 'edited-since-approval',
    message: `“${title || 'Untitled'}” was edited after it was approved, so this export holds text no editor approved. Compare it with the approved version, or send it back to review.`
  }
}
