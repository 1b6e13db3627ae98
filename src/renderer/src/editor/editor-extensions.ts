import type { AnyExtension, Extensions, Mark, Node } from '@tiptap/core'
import { Placeholder } from '@tiptap/extensions'
import { articleExtensions } from '../../../shared/schema/extensions'
import { FaqItemWithView, FaqKeyboard, FaqWithView } from './blocks/faq/faq-editor'
import { withImageView } from './blocks/image/image-editor'
import { withInlineImageView } from './blocks/inline-image/inline-image-editor'
import { promoSlotWithView } from './blocks/promo-slot/promo-slot-editor'
import type { EditorServices } from './editor-services'
import { CaretBlockDrawn } from './extensions/caret-block-drawn'
import { CaretInView } from './extensions/caret-in-view'
import { MoveBlock } from './extensions/move-block'
import { SmartTypography } from './extensions/smart-typography'
import { FindReplace } from './find/find-replace'
import { ClipboardIntake } from './paste/clipboard-intake'
import { SlashCommand } from './toolbar/slash-command'
import { ReviewEditing } from '../review/editing/review-editing'
import { withSuggestionLook } from '../review/editing/suggestion-look'
import type { LiveValue } from '../lib/live-value'

type Views = Record<string, (shared: AnyExtension) => AnyExtension>

const withViews = (services: LiveValue<EditorServices | null>): Views => ({
  faq: () => FaqWithView,
  faqItem: () => FaqItemWithView,
  promoSlot: () => promoSlotWithView(services),
  image: (shared) => withImageView(shared as Node),
  inlineImage: (shared) => withInlineImageView(shared as Node),
  suggestionInsert: (shared) => withSuggestionLook(shared as Mark, 'insert'),
  suggestionDelete: (shared) => withSuggestionLook(shared as Mark, 'delete')
})

/**
 * The editor's extensions: the article schema shared with the library and
 * export, with views on its blocks, plus behaviour that adds no node or mark
 * (placeholders, typography, the cursor's block kept drawn, a cheap check that the cursor is in view, moving blocks, find, paste cleanup, slash menu).
 * What they need from outside the editor (the promos, error reporting) they
 * read from `services`, set once the editor shows.
 */
export function editorExtensions(services: LiveValue<EditorServices | null>): Extensions {
  const onError = (error: unknown): void => services.get()?.onError(error)
  const views = withViews(services)
  const schemaWithViews = articleExtensions.map((extension) => views[extension.name]?.(extension) ?? extension)
  return [
    ...schemaWithViews,
    FaqKeyboard,
    Placeholder.configure({
      showOnlyCurrent: false,
      includeChildren: true,
      // Which empty blocks show their hint is decided in CSS (editor.css), by where they sit.
      placeholder: ({ node }) => (node.type.name === 'faqQuestion' ? 'Question' : 'Write, or type / to insert a block'),
      emptyNodeClass: ({ hasAnchor }) => (hasAnchor ? 'is-empty has-cursor' : 'is-empty')
    }),
    SmartTypography,
    CaretBlockDrawn,
    CaretInView,
    MoveBlock,
    FindReplace,
    ClipboardIntake.configure({ onError }),
    SlashCommand.configure({ onError }),
    ReviewEditing
  ]
}
