import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { BubbleMenu } from '@tiptap/react/menus'
import { useEffect, useRef, useState } from 'react'
import { withShortcut } from '../shortcuts'
import { useSettledEditorState } from '../useSettledEditorState'
import { readLinkAddress } from './link-address'

export const linkMenuKey = 'linkMenu'

interface Props {
  editor: Editor
  /** True while the writer is typing an address (after Ctrl/Cmd+K or a Link button). */
  editing: boolean
  onEditingChange: (editing: boolean) => void
}

function LinkForm({ editor, initial, onDone }: { editor: Editor; initial: string; onDone: () => void }): React.JSX.Element {
  const [typed, setTyped] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const apply = (): void => {
    const address = readLinkAddress(typed)
    if ('error' in address) return setError(address.error)
    const chain = editor.chain().focus().extendMarkRange('link')
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: typed.trim(), marks: [{ type: 'link', attrs: { href: address.href } }] })
    } else {
      chain.setLink({ href: address.href })
    }
    // The cursor lands after the link, so the next key typed does not replace the linked words.
    chain.command(({ tr }) => (tr.setSelection(TextSelection.create(tr.doc, tr.selection.to)), true)).run()
    onDone()
  }
  return (
    <form
      className="link-form"
      onSubmit={(event) => {
        event.preventDefault()
        apply()
      }}
    >
      <input
        autoFocus
        aria-label="Link address"
        aria-invalid={error !== null}
        aria-describedby={error ? 'link-error' : undefined}
        placeholder="https://…"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value)
          setError(null)
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          onDone()
          editor.commands.focus()
        }}
      />
      <button type="submit" className="primary">
        Apply
      </button>
      {error && (
        <p id="link-error" className="link-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

/** The link popover: shows the link under the cursor, and edits or removes it. */
export function LinkMenu({ editor, editing, onEditingChange }: Props): React.JSX.Element {
  const editingRef = useRef(editing)
  const href = useSettledEditorState(editor, (e) => (e.isActive('link') ? String(e.getAttributes('link')['href'] ?? '') : null))

  useEffect(() => {
    editingRef.current = editing
    // The menu re-checks only when the document or selection changes; tell it the editing state did.
    if (editor.isDestroyed) return
    const show = editing || (editor.isActive('link') && editor.state.selection.empty)
    editor.view.dispatch(editor.state.tr.setMeta(linkMenuKey, show ? 'show' : 'hide'))
  }, [editor, editing])

  const remove = (): void => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    onEditingChange(false)
  }

  return (
    <BubbleMenu
      editor={editor}
      pluginKey={linkMenuKey}
      className="bubble-menu link-menu"
      shouldShow={({ editor: e, state }) => editingRef.current || (e.isActive('link') && state.selection.empty && e.isFocused)}
      options={{ placement: 'bottom-start' }}
    >
      {editing ? (
        <LinkForm key={href ?? ''} editor={editor} initial={href ?? ''} onDone={() => onEditingChange(false)} />
      ) : (
        <div className="link-view">
          <span className="link-href" title={href ?? ''}>
            {href}
          </span>
          <button type="button" className="ghost" title={withShortcut('Edit link', 'Mod-k')} onClick={() => onEditingChange(true)}>
            Edit
          </button>
          <button type="button" className="ghost" onClick={remove}>
            Remove
          </button>
        </div>
      )}
    </BubbleMenu>
  )
}
