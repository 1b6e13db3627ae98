import type { BodyDoc } from '../../../../shared/article/body'
import { blockSplice } from '../../../../shared/article/body-patch'
import type { ArticleChanges, SavedEdit } from '../../../../shared/library-api'
import { ApiError, call } from '../../lib/api'

/**
 * Sends one article's saves. A body goes as the blocks changed since the body
 * the library last answered with, so an autosave in a long article carries a
 * paragraph, not the article. The whole body goes when there is no such base:
 * the first save, a save started while another runs (a closing window), or
 * after the library refused the base because its body changed meanwhile.
 */
export function articleSaves(id: string): (changes: ArticleChanges) => Promise<SavedEdit> {
  let stored: { body: BodyDoc; fingerprint: string } | null = null
  let running = 0
  const send = async (request: Parameters<typeof call<'saveArticle'>>[1]): Promise<SavedEdit> => {
    running++
    try {
      return await call('saveArticle', request)
    } finally {
      running--
    }
  }
  const sendBody = async (changes: ArticleChanges, body: BodyDoc, base: NonNullable<typeof stored>): Promise<SavedEdit> => {
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
