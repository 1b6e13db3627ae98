import type { Article } from '../../article/article'
import { UserError } from '../../ipc/result'
import type { Actor } from '../actor'
import { nowIso } from '../../ids'
import { stripReview } from '../strip-review'
import { BUNDLE_KIND, BUNDLE_VERSION, type ReviewBundle } from './bundle-format'

/** The text of a review bundle file holding `articles` as they are now. */
export function createBundle(articles: readonly Article[], actor: Actor, at: string = nowIso()): string {
  if (articles.length === 0) throw new UserError('invalid-input', 'Choose at least one article to put in the review bundle.')
  const bundle: ReviewBundle = {
    kind: BUNDLE_KIND,
    version: BUNDLE_VERSION,
    createdAt: at,
    createdBy: actor,
    articles: articles.map((article) => ({ article, base: { updatedAt: article.updatedAt, body: stripReview(article.body) } }))
  }
  return `${JSON.stringify(bundle, null, 2)}\n`
}
