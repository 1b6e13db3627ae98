import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { commentAnchors, anchorComment } from '../../../../shared/review/comment-anchors'
import { isResolved, startThread } from '../../../../shared/review/comment-threads'
import { DIRECT_EDIT_META } from '../../../../shared/review/track-changes'
import { shortcutLabel } from '../../editor/shortcuts'
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

/**
 * The comments column beside the page, each thread level with its words, and
 * the suggestion popover. Also hands the editor's review behaviour its
 * profile, mode and callbacks.
 */
export function ReviewRail({ editor }: { editor: Editor }): React.JSX.Element | null {
  const review = useReview()
  const { profile, suggesting, threads, changeThreads, attachEditor, onError } = review
  const [composing, setComposing] = useState<Composing | null>(null)
  const [showResolved, setShowResolved] = useState(false)
  const [active, setActive] = useState<string | null>(null)
  useActiveThreadHighlight(active)
  const [popover, setPopover] = useState<PopoverAt | null>(null)
  const rail = useRef<HTMLDivElement>(null)
  const anchors = useEditorState({
    editor,
    selector: ({ editor: e }) => commentAnchors(e.state.doc),
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b)
  })

  useEffect(() => {
    attachEditor(editor)
    return () => attachEditor(null)
  }, [editor, attachEditor])

  const startComment = useCallback(() => {
    const { from, to, empty } = editor.state.selection
    if (empty) return onError(new Error('Select the words you want to comment on, then choose Comment.'))
    setComposing({ from, to, quote: editor.state.doc.textBetween(from, to, ' ', ' ') })
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
      if (comment) setActive(comment.dataset['commentThread']!)
    }
    const dom = editor.view.dom
    dom.addEventListener('click', onClick)
    return () => dom.removeEventListener('click', onClick)
  }, [editor])

  const place = useCallback(() => {
    if (rail.current) placeCards(editor, rail.current)
  }, [editor])
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
  return (
    <aside className="review-rail" aria-label="Comments">
      <div className="review-rail-header">
        <h2>Comments</h2>
        {resolvedCount > 0 && (
          <label className="review-muted">
            <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} /> Show resolved ({resolvedCount})
          </label>
        )}
      </div>
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
      {popoverView}
    </aside>
  )
}

/**
 * Highlights the active thread's text in the editor. A constructed style
 * sheet, not a <style> element: the CSP refuses inline style elements.
 */
function useActiveThreadHighlight(active: string | null): void {
  useEffect(() => {
    if (!active) return
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(`.article-body span[data-comment-thread="${CSS.escape(active)}"] { background: var(--comment-active); }`)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet)
    }
  }, [active])
}
