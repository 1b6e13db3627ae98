import { Extension } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import { ReactRenderer } from '@tiptap/react'
import { findSuggestionMatch, Suggestion, type SuggestionProps, type Trigger } from '@tiptap/suggestion'
import { findBlockChoices, type BlockChoice } from './block-choices'
import { BlockMenu, type BlockMenuHandle } from './BlockMenu'

export interface SlashCommandOptions {
  onError: (error: unknown) => void
}

/**
 * The menu's query runs from a "/" to the cursor within one text node. The
 * suggestion plugin asks after every keystroke, and its own matcher builds
 * regular expressions and scans the whole text before the cursor each time:
 * without a "/" in that text there is nothing to find.
 */
export const slashMatch = (trigger: Trigger) => (trigger.$position.nodeBefore?.text?.includes(trigger.char) ? findSuggestionMatch(trigger) : null)

/** Typing "/" in a body paragraph opens the block menu; the text after it filters. */
export const SlashCommand = Extension.create<SlashCommandOptions>({
  name: 'slashCommand',
  addOptions: () => ({ onError: () => undefined }),
  addProseMirrorPlugins() {
    const { onError } = this.options
    return [
      Suggestion<BlockChoice, BlockChoice>({
        editor: this.editor,
        pluginKey: new PluginKey('slashCommand'),
        char: '/',
        findSuggestionMatch: slashMatch,
        // Blocks go in the body's paragraphs, not inside FAQ answers or code.
        allow: ({ state, range }) => {
          const $from = state.doc.resolve(range.from)
          if ($from.parent.type.name !== 'paragraph') return false
          for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type.name === 'faq') return false
          return true
        },
        items: ({ query }) => findBlockChoices(query),
        command: ({ editor, range, props: choice }) => {
          editor.chain().focus().deleteRange(range).run()
          choice.run(editor, onError)
        },
        render: () => {
          let renderer: ReactRenderer<BlockMenuHandle> | null = null
          let unmount: (() => void) | null = null
          const menuProps = (props: SuggestionProps<BlockChoice, BlockChoice>) => ({
            items: props.items,
            onChoose: props.command,
            label: 'Insert block'
          })
          return {
            onStart: (props) => {
              renderer = new ReactRenderer(BlockMenu, { editor: props.editor, props: menuProps(props), className: 'floating-menu' })
              unmount = props.mount(renderer.element)
            },
            onUpdate: (props) => renderer?.updateProps(menuProps(props)),
            onKeyDown: ({ event }) => {
              if (event.key === 'Escape') return false
              return renderer?.ref?.onKeyDown(event) ?? false
            },
            onExit: () => {
              unmount?.()
              renderer?.destroy()
              renderer = null
            }
          }
        }
      })
    ]
  }
})
