import { Editor, type JSONContent } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/** The baseline for the typing bench: Tiptap with StarterKit only, no views, menus or plugins of ours. */
;(window as unknown as { startBareEditor: (content: JSONContent) => void }).startBareEditor = (content) => {
  new Editor({ element: document.querySelector<HTMLElement>('#editor')!, extensions: [StarterKit], content })
}
