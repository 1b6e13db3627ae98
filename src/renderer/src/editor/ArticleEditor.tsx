import { EditorContent, useEditor } from '@tiptap/react'
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { BodyDoc } from '../../../shared/article/body'
import { attachBlockControls } from './blocks/block-controls'
import { liveBodyStats } from './body-word-count'
import { DragHandle } from './DragHandle'
import { editorExtensions } from './editor-extensions'
import { useEditorServices, type EditorServices } from './editor-services'
import { FindBar } from './find/FindBar'
import { LinkMenu } from './menus/LinkMenu'
import { MarkBubbleMenu } from './menus/MarkBubbleMenu'
import type { ArticleSaver } from './saving/article-saver'
import { editorBody, TAKEN_IN_META, withTrailingParagraph } from './saving/editor-body'
import { keysOf, matchesKeys } from './shortcuts'
import { useCommand } from '../shell/useCommand'
import { TitleField } from './TitleField'
import { Toolbar } from './toolbar/Toolbar'
import { ReviewToolButtons } from '../review/editing/ReviewToolButtons'
import { ReviewRail } from '../review/rail/ReviewRail'
import { useElementWidth } from '../shell/useElementWidth'
import { AfterTyping } from '../lib/after-typing'
import { LiveValue } from '../lib/live-value'

/** The narrowest text beside the comments; below it the comments open over the text instead. */
const RAIL_BESIDE_MIN_WIDTH = 560 + 56 + 240

export interface BodyStats {
  words: number
  readingMinutes: number
}

interface Props {
  body: BodyDoc
  saver: ArticleSaver
  onStats: (stats: BodyStats) => void
  onError: (error: unknown) => void
  title: string
  onTitleChange: (title: string) => void
  focusTitle: boolean
  onExport: () => void
}

/**
 * The word count follows the text when typing pauses, and at least this often while it goes on. Redrawn every 400 ms
 * of typing, it added the status bar's style, layout and paint to one key in seven, the slowest ones.
 */
const STATS_LONGEST_WAIT_MS = 2000

/**
 * Hands the services to the block views drawn without React. A component of
 * its own, so the promos arriving redraw it alone, not the editor.
 */
function ServicesForBlocks({ into }: { into: LiveValue<EditorServices | null> }): null {
  const services = useEditorServices()
  useLayoutEffect(() => into.set(services), [into, services])
  return null
}

/**
 * The body is read once, when the editor starts. Each autosave hands back the
 * stored copy of what the editor already holds: redrawing the editor, its
 * toolbar and its rail for it would only cost the keys typed meanwhile.
 * (Edits from elsewhere come in through the saver, editor-body.ts; a restored
 * revision mounts a new editor.)
 */
const sameButBody = (before: Props, after: Props): boolean =>
  (Object.keys(after) as (keyof Props)[]).every((key) => key === 'body' || Object.is(before[key], after[key]))

/** The body editor of the open article, with its toolbar, menus, find bar and drag handle. */
export const ArticleEditor = memo(function ArticleEditor({ body, saver, onStats, onError, title, onTitleChange, focusTitle, onExport }: Props) {
  const callbacks = useRef({ onStats, onError, onExport })
  useEffect(() => {
    callbacks.current = { onStats, onError, onExport }
  })
  // The body as the library stored it when the article opened: the base of the first save (article-saves.ts).
  const [opened] = useState(body)
  const [blockServices] = useState(() => new LiveValue<EditorServices | null>(null))
  const extensions = useMemo(() => editorExtensions(blockServices), [blockServices])
  const [page, setPage] = useState<HTMLDivElement | null>(null)
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  const columnWidth = useElementWidth(scroller)
  const drawer = columnWidth !== null && columnWidth < RAIL_BESIDE_MIN_WIDTH
  const [editingLink, setEditingLink] = useState(false)
  const [findRequest, setFindRequest] = useState(0)

  const editor = useEditor(
    {
      extensions,
      // Tiptap would add its base styles as an inline <style>, which the CSP refuses: they are in prosemirror-base.css.
      injectCSS: false,
      // Tiptap's `delete` extension works out, in a task of its own after every change, what each one deleted,
      // for `onDelete` listeners; there are none, and a keystroke need not pay for it.
      enableCoreExtensions: { delete: false },
      content: withTrailingParagraph(body),
      editorProps: { attributes: { class: 'article-body', 'aria-label': 'Article body', spellcheck: 'true' } },
      onUpdate: ({ transaction }) => {
        if (!transaction.getMeta(TAKEN_IN_META)) saver.bodyChanged()
      },
      onBlur: () => void saver.flush()
    },
    []
  )

  // Layout effect: on unmount it runs before Tiptap tears the editor down, so the last keystrokes are read.
  useLayoutEffect(() => {
    saver.attachBody(editorBody(editor, opened))
    return () => saver.attachBody(null)
  }, [editor, saver, opened])

  useEffect(() => {
    // Block by block, from cached counts (body-word-count.ts): not getJSON(), which copies the whole body on every count.
    const count = (): void => callbacks.current.onStats(liveBodyStats(editor.state.doc))
    const counting = new AfterTyping(STATS_LONGEST_WAIT_MS)
    const later = (): void => counting.set(count)
    count()
    editor.on('update', later)
    return () => {
      counting.cancel()
      editor.off('update', later)
    }
  }, [editor])

  useEffect(() => (page ? attachBlockControls(page) : undefined), [page])

  useCommand('find', () => setFindRequest((n) => n + 1))

  return (
    <>
      <ServicesForBlocks into={blockServices} />
      <Toolbar editor={editor} onEditLink={() => setEditingLink(true)} onFind={() => setFindRequest((n) => n + 1)} onExport={() => callbacks.current.onExport()} onError={onError}>
        <ReviewToolButtons editor={editor} />
      </Toolbar>
      {findRequest > 0 && <FindBar editor={editor} focusRequest={findRequest} onClose={() => setFindRequest(0)} />}
      <div className={`editor-scroll review-layout${drawer ? ' rail-drawer' : ''}`} ref={setScroller}>
        <div
          className="editor-page"
          ref={setPage}
          onKeyDown={(event) => {
            if (!matchesKeys(event, keysOf('link'))) return
            event.preventDefault()
            setEditingLink(true)
          }}
        >
          <TitleField value={title} onChange={onTitleChange} onLeave={() => editor.commands.focus('start')} autoFocus={focusTitle} />
          <EditorContent editor={editor} />
          <DragHandle editor={editor} page={page} />
        </div>
        <ReviewRail editor={editor} drawer={drawer} />
      </div>
      <MarkBubbleMenu editor={editor} onEditLink={() => setEditingLink(true)} />
      <LinkMenu editor={editor} editing={editingLink} onEditingChange={setEditingLink} />
    </>
  )
}, sameButBody)
