import type { Editor } from '@tiptap/core'
import { useRef, useState } from 'react'
import { blockChoices } from './block-choices'
import { BlockMenu, type BlockMenuHandle } from './BlockMenu'

/** The toolbar's block inserter: the same list as the slash menu, opened with a button. */
export function InsertMenu({ editor, onError }: { editor: Editor; onError: (error: unknown) => void }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const menu = useRef<BlockMenuHandle>(null)

  return (
    <div
      className="insert-menu"
      onKeyDown={(event) => {
        if (!open) return
        if (event.key === 'Escape') setOpen(false)
        else if (!menu.current?.onKeyDown(event.nativeEvent)) return
        event.preventDefault()
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <button
        type="button"
        className="tool-button insert-button"
        aria-haspopup="menu"
        aria-expanded={open}
        title="Insert a block (or type / in an empty line)"
        onClick={() => setOpen(!open)}
      >
        + Insert
      </button>
      {open && (
        <BlockMenu
          ref={menu}
          label="Insert block"
          items={blockChoices}
          onChoose={(choice) => {
            setOpen(false)
            choice.run(editor, onError)
          }}
        />
      )}
    </div>
  )
}
