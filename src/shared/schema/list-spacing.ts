import { Extension } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    listSpacing: {
      /** Loose (a blank line between items, each a paragraph) or tight, for the list around the selection. */
      setListLoose: (loose: boolean) => ReturnType
    }
  }
}

const listTypes = ['bulletList', 'orderedList']

/**
 * Whether a list is loose, as Markdown writers choose with blank lines
 * between items: sites style the two differently (loose items are
 * paragraphs, with paragraph spacing).
 */
export const ListSpacing = Extension.create({
  name: 'listSpacing',
  addGlobalAttributes: () => [
    {
      types: listTypes,
      attributes: {
        loose: {
          default: false,
          // src/shared has no DOM types; getAttribute is all this reads.
          parseHTML: (element) => (element as unknown as { getAttribute(name: string): string | null }).getAttribute('data-loose') !== null,
          renderHTML: (attributes) => (attributes['loose'] ? { 'data-loose': '' } : {})
        }
      }
    }
  ],
  addCommands: () => ({
    setListLoose:
      (loose) =>
      ({ state, tr, dispatch }) => {
        const { $from } = state.selection
        for (let depth = $from.depth; depth > 0; depth--) {
          const node = $from.node(depth)
          if (!listTypes.includes(node.type.name)) continue
          if (dispatch) tr.setNodeAttribute($from.before(depth), 'loose', loose)
          return true
        }
        return false
      }
  })
})
