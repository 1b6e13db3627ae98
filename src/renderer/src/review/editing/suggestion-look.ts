import { mergeAttributes, type Mark } from '@tiptap/core'
import type { SuggestionAttrs } from '../../../../shared/review/suggestion-marks'
import { roleLabel } from '../profile/useProfile'
import { authorClass } from './author-colour'
import { when } from './when'

/**
 * The shared suggestion marks as the editor shows them: coloured by author,
 * with who suggested it and when in the tooltip. The stored HTML attributes
 * stay those of the shared mark.
 */
export const withSuggestionLook = (mark: Mark, kind: 'insert' | 'delete'): Mark =>
  mark.extend({
    renderHTML({ mark: { attrs }, HTMLAttributes }) {
      const { author, role, at } = attrs as SuggestionAttrs
      const verb = kind === 'insert' ? 'Added' : 'Deleted'
      return [
        kind === 'insert' ? 'ins' : 'del',
        mergeAttributes(HTMLAttributes, {
          class: `review-${kind} ${authorClass(author)}`,
          title: `${verb} by ${author} (${roleLabel(role)}), ${when(at)}. Click to accept or reject.`
        }),
        0
      ]
    }
  })
