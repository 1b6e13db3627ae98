import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { call } from '../../lib/api'

export const isImageFile = (file: File): boolean => file.type.startsWith('image/')

/** Copies an image into the library's media folder and returns its `media/…` path. */
export async function uploadImage(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const name = file.name || `pasted-image.${file.type.split('/')[1] ?? 'png'}`
  const { src } = await call('addMedia', { name, bytes })
  return src
}

/**
 * Adds dropped, pasted or picked images to the library, then inserts them at
 * `pos`, moved along with whatever the writer typed during the copy, or at the cursor.
 */
export async function addImageFiles(editor: Editor, files: File[], pos?: number): Promise<void> {
  const images = files.filter(isImageFile)
  if (images.length === 0) return
  let at = pos
  const follow = ({ transaction }: { transaction: Transaction }): void => {
    if (at !== undefined) at = transaction.mapping.map(at)
  }
  editor.on('transaction', follow)
  let sources: string[]
  try {
    sources = await Promise.all(images.map(uploadImage))
  } finally {
    editor.off('transaction', follow)
  }
  if (editor.isDestroyed) return
  const content = sources.map((src) => ({ type: 'image', attrs: { src, alt: '' } }))
  editor
    .chain()
    .focus()
    .insertContentAt(at ?? editor.state.selection.from, content)
    .run()
}

/** Opens the system file picker for images. */
export function pickImageFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = true
    input.addEventListener('change', () => resolve([...(input.files ?? [])]))
    input.addEventListener('cancel', () => resolve([]))
    input.click()
  })
}
