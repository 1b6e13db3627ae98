import type { BodyDoc } from '../../../../shared/article/body'
import { blockSplice } from '../../../../shared/article/body-patch'
import type { ArticleChanges, SavedEdit } from '../../../../shared/library-api'
import { ApiError, call } from '../../lib/api'

/** A body the library holds, and its fingerprint there. */
export interface StoredBody {
  body: BodyDoc
  fingerprint: string
}

/**
 * Sends one article's saves. A body goes as the blocks changed since `opened`
 * or since the body the library last answered with, so an autosave in a long
 * article carries a paragraph, not the article. The whole body goes when
 * there is no such base: a save started while another runs (a closing
 * window), or after the library refused the base because its body changed
 * meanwhile.
 */
export function articleSaves(id: string, opened: StoredBody): (changes: ArticleChanges) => Promise<SavedEdit> {
  let stored: StoredBody | null = opened
  let running = 0
  const send = async (request: Parameters<typeof call<'saveArticle'>>[1]): Promise<SavedEdit> => {
    running++
    try {
      return await call('saveArticle', request)
    } finally {
      running--
    }
  }
  const sendBody = async (changes: ArticleChanges, body: BodyDoc, base: StoredBody): Promise<SavedEdit> => {
    const rest = { ...changes }
    delete rest.body
    try {
      return await send({ id, changes: rest, bodyPatch: { base: base.fingerprint, ...blockSplice(base.body, body) } })
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') return send({ id, changes })
      throw error
    }
  }

  return async (changes) => {
    const { body } = changes
    const base = running === 0 ? stored : null
    const saved = body && base ? await sendBody(changes, body, base) : await send({ id, changes })
    stored = body ? { body, fingerprint: saved.bodyFingerprint } : stored?.fingerprint === saved.bodyFingerprint ? stored : null
    return saved
  }
}
