import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { addImageFiles, isImageFile } from '../media/add-image-files'
import { cleanPastedHtml } from './clean-pasted-html'
import { chunkedPastePlugin, LARGE_PASTE_CHARS, pasteInChunks } from './paste-in-chunks'

export interface ClipboardIntakeOptions {
  /** Told when an image could not be added to the library. */
  onError: (error: unknown) => void
}

const imageFiles = (data: DataTransfer | null): File[] => [...(data?.files ?? [])].filter(isImageFile)

/** What enters by paste or drop: cleaned HTML, and image files copied into the library. */
export const ClipboardIntake = Extension.create<ClipboardIntakeOptions>({
  name: 'clipboardIntake',
  addOptions: () => ({ onError: () => undefined }),
  addProseMirrorPlugins() {
    const { editor, options } = this
    return [
      chunkedPastePlugin,
      new Plugin({
        key: new PluginKey('clipboardIntake'),
        props: {
          handleDOMEvents: {
            paste: (view, event) => {
              const html = event.clipboardData?.getData('text/html') ?? ''
              if (html.length < LARGE_PASTE_CHARS) return false
              event.preventDefault()
              pasteInChunks(view, html).catch(options.onError)
              return true
            }
          },
          transformPastedHTML: (html) => cleanPastedHtml(html),
          handlePaste: (_view, event) => {
            const files = imageFiles(event.clipboardData)
            if (files.length === 0) return false
            // A copied image often comes with an <img> pointing at the web; the file is what we can keep.
            const html = event.clipboardData?.getData('text/html') ?? ''
            if (new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim()) return false
            addImageFiles(editor, files).catch(options.onError)
            return true
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = imageFiles(event.dataTransfer)
            if (moved || files.length === 0) return false
            const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos
            addImageFiles(editor, files, pos).catch(options.onError)
            return true
          }
        }
      })
    ]
  }
})
