import type { Editor } from '@tiptap/core'
import { MessageSquare, X } from 'lucide-react'
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { commentAnchors, anchorComment } from '../../../../shared/review/comment-anchors'
import { isResolved, startThread } from '../../../../shared/review/comment-threads'
import { DIRECT_EDIT_META } from '../../../../shared/review/track-changes'
import { shortcutLabel } from '../../editor/shortcuts'
import { sameJson, useSettledEditorState } from '../../editor/useSettledEditorState'
import { configureReviewEditing, SUGGEST_SHORTCUT } from '../editing/review-editing'
import { useReview } from '../ReviewContext'
import { CommentComposer } from './CommentComposer'
import { placeCards } from './place-cards'
import { SuggestionPopover, type PopoverAt } from './SuggestionPopover'
import { ThreadCard } from './ThreadCard'

interface Composing {
  from: number
  to: number
  quote: string
}

interface Props {
  editor: Editor
  /**
   * No room beside the text: the comments open over it on demand (a button at
   * the column's top right), so the text keeps its width and the writer sees
   * text and comments one at a time.
   */
  drawer: boolean
}

/**
 * The comments column beside the page, each thread level with its words, and
 * the suggestion popover. Also hands the editor's review behaviour its
 * profile, mode and callbacks.
 */
export function ReviewRail({ editor, drawer }: Props): React.JSX.Element | null {
  const review = useReview()
  const { profile, suggesting, threads, changeThreads, attachEditor, onError } = review
  const [composing, setComposing] = useState<Composing | null>(null)
  const [showResolved, setShowResolved] = useState(false)
  const [active, setActive] = useState<string | null>(null)
  // The active thread's words stand out; hidden (resolved) threads leave no mark in the text, so their words read as plain text.
  useAdoptedStyle(active && `.article-body span[data-comment-thread="${CSS.escape(active)}"] { background: var(--comment-active); }`)
  const hiddenMarks = threads.filter((thread) => !showResolved && isResolved(thread)).map((thread) => `.article-body span[data-comment-thread="${CSS.escape(thread.id)}"]`)
  useAdoptedStyle(hiddenMarks.length > 0 && `${hiddenMarks.join(', ')} { background: none; border-bottom: none; cursor: text; }`)
  const [popover, setPopover] = useState<PopoverAt | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const drawerId = useId()
  const rail = useRef<HTMLDivElement>(null)
  // Read after the frame is drawn, not inside each keystroke: commentAnchors walks the whole body.
  const anchors = useSettledEditorState(editor, (e) => commentAnchors(e.state.doc), sameJson)

  useEffect(() => {
    attachEditor(editor)
    return () => attachEditor(null)
  }, [editor, attachEditor])

  const startComment = useCallback(() => {
    const { from, to, empty } = editor.state.selection
    if (empty) return onError(new Error('Select the words you want to comment on, then choose Comment.'))
    setComposing({ from, to, quote: editor.state.doc.textBetween(from, to, ' ', ' ') })
    setDrawerOpen(true)
  }, [editor, onError])

  useEffect(() => {
    configureReviewEditing(editor, {
      actor: profile,
      suggesting: suggesting && profile !== null,
      onComment: startComment,
      onRefused: () =>
        onError(new Error(`Images, promo slots and code cannot be changed as suggestions: turn suggestion mode off (${shortcutLabel(SUGGEST_SHORTCUT)}) to change them.`))
    })
  }, [editor, profile, suggesting, startComment, onError])

  useEffect(() => {
    const onClick = (event: MouseEvent): void => {
      const target = event.target as HTMLElement
      const suggestion = target.closest<HTMLElement>('[data-suggestion-id]')
      if (suggestion) {
        const box = suggestion.getBoundingClientRect()
        setPopover({ id: suggestion.dataset['suggestionId']!, left: box.left, top: box.top, bottom: box.bottom })
      } else setPopover(null)
      const comment = target.closest<HTMLElement>('[data-comment-thread]')
      if (comment) {
        setActive(comment.dataset['commentThread']!)
        setDrawerOpen(true)
      }
    }
    const dom = editor.view.dom
    dom.addEventListener('click', onClick)
    return () => dom.removeEventListener('click', onClick)
  }, [editor])

  const place = useCallback(() => {
    if (rail.current && !drawer) placeCards(editor, rail.current)
  }, [editor, drawer])
  useLayoutEffect(place)
  useEffect(() => {
    editor.on('update', place)
    window.addEventListener('resize', place)
    return () => {
      editor.off('update', place)
      window.removeEventListener('resize', place)
    }
  }, [editor, place])

  const submit = (text: string): void => {
    if (!composing || !profile) return
    try {
      const thread = startThread(composing.quote, text, profile)
      const tr = editor.state.tr.setMeta(DIRECT_EDIT_META, true)
      anchorComment(tr, composing.from, composing.to, thread.id)
      editor.view.dispatch(tr)
      changeThreads((all) => [...all, thread])
      setActive(thread.id)
      setComposing(null)
    } catch (error) {
      onError(error)
    }
  }

  const anchorOf = new Map(anchors.map((anchor) => [anchor.threadId, anchor]))
  const resolvedCount = threads.filter(isResolved).length
  const shown = threads.filter((thread) => showResolved || !isResolved(thread))
  const popoverView = popover && <SuggestionPopover editor={editor} at={popover} onClose={() => setPopover(null)} />
  if (threads.length === 0 && !composing) return popoverView

  const end = editor.state.doc.content.size
  const header = (
    <div className="review-rail-header">
      <h2>Comments</h2>
      {resolvedCount > 0 && (
        <label className="review-muted">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} /> Show resolved ({resolvedCount})
        </label>
      )}
      {drawer && (
        <button type="button" className="ghost rail-drawer-close" aria-label="Close comments" onClick={() => setDrawerOpen(false)}>
          <X size={16} aria-hidden="true" />
        </button>
      )}
    </div>
  )
  const cards = (
    <div className="review-rail-cards" ref={rail}>
      {composing && (
        <div className="rail-slot" data-anchor-from={composing.from}>
          <CommentComposer quote={composing.quote} onSubmit={submit} onCancel={() => setComposing(null)} />
        </div>
      )}
      {shown.map((thread) => {
        const anchor = anchorOf.get(thread.id)
        return (
          <div className="rail-slot" key={thread.id} data-anchor-from={anchor?.from ?? end}>
            <ThreadCard thread={thread} anchored={!!anchor} active={active === thread.id} onActivate={() => setActive(thread.id)} />
          </div>
        )
      })}
    </div>
  )
  if (drawer) {
    const open = drawerOpen || composing !== null
    return (
      <div className="review-rail is-drawer">
        <button type="button" className="rail-drawer-toggle" aria-expanded={open} aria-controls={drawerId} onClick={() => setDrawerOpen(!open)}>
          <MessageSquare size={16} aria-hidden="true" /> Comments ({shown.length})
        </button>
        <aside id={drawerId} className="rail-drawer-panel" aria-label="Comments" hidden={!open} onKeyDown={(event) => event.key === 'Escape' && !composing && setDrawerOpen(false)}>
          {header}
          {open && cards}
        </aside>
        {popoverView}
      </div>
    )
  }

  return (
    <aside className="review-rail" aria-label="Comments">
      {header}
      {cards}
      {popoverView}
    </aside>
  )
}

/**
 * Styles for the editor's text as a constructed stylesheet: the CSP allows no
 * inline <style> element, and the rules change with the rail's state.
 */
function useAdoptedStyle(css: string | false | null): void {
  useEffect(() => {
    if (!css) return
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet)
    }
  }, [css])
}
