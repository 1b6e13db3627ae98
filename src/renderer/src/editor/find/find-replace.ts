import { Extension } from '@tiptap/core'
import { search } from 'prosemirror-search'

/** Highlights matches of the find bar's query; the bar drives it with prosemirror-search's commands. */
export const FindReplace = Extension.create({
  name: 'findReplace',
  addProseMirrorPlugins: () => [search()]
})
