import { elementScroll, observeElementRect, useVirtualizer, type Rect, type VirtualizerOptions, type Virtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import type { SearchHit } from '../../../shared/library-api'
import { ArticleRow } from './ArticleRow'

interface Props {
  items: SearchHit[]
  /** The article open in the editor. */
  selectedId: string | null
  /** The keyboard cursor; Enter opens it, Delete trashes it. */
  activeId: string | null
  query: string
  /** A new value starts the list at its top: a new search, filter or order. */
  queryKey: string
  onActivate: (id: string) => void
  onOpen: (id: string) => void
  onTrash: (id: string) => void
}

/** Room for a title on two lines, the status, authors and date, and two lines of the lead or of a search excerpt. */
const ROW_HEIGHT = 104
export const optionId = (id: string): string => `article-option-${id}`

/**
 * The list's size as it is once the browser has laid the window out, from a ResizeObserver (its first report comes in
 * the window's first frame, after layout, before paint). The library's own first read, of clientHeight in the first
 * commit's layout effect, forced a layout before the window could paint, and its answer (the list is shorter than the
 * window) then re-rendered and committed the list again, also before the first paint, only to drop the rows below it.
 */
function observeListRect(instance: Virtualizer<HTMLDivElement, Element>, report: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement
  if (!element || typeof ResizeObserver === 'undefined') return observeElementRect(instance, report)
  const observer = new ResizeObserver(() => {
    settledLists.add(element)
    report({ width: element.clientWidth, height: element.clientHeight })
  })
  observer.observe(element)
  return () => observer.disconnect()
}

/** Lists the browser has laid out, or the virtualizer has scrolled: only these can be anywhere but at their top. */
const settledLists = new WeakSet<Element>()

type ScrollList = VirtualizerOptions<HTMLDivElement, Element>['scrollToFn']

/**
 * The virtualizer scrolls a list it starts watching to its own idea of the offset (0), and scrolling makes the browser
 * lay the window out there and then, inside the first commit, before it can paint. A list never laid out nor scrolled
 * was just created and is at its top already, so that write is left out; any other goes through.
 */
const scrollList: ScrollList = (offset, options, instance) => {
  const element = instance.scrollElement
  if (!element) return
  if (!settledLists.has(element) && offset + (options.adjustments ?? 0) === 0) return
  settledLists.add(element)
  elementScroll(offset, options, instance)
}

/**
 * The library as a listbox that only mounts the rows in view, so 10,000
 * articles scroll like 10. Rows have fixed heights: measuring them would cost
 * a layout per row for no visible gain.
 */
export function ArticleList({ items, selectedId, activeId, query, queryKey, onActivate, onOpen, onTrash }: Props): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  // TanStack Virtual keeps its own mutable state; it re-renders us through its own subscription.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: 6,
    // Until it has measured the list, the virtualizer would take it for 0 px tall and mount no row. The window's height
    // is an upper bound of the list's, so the first commit mounts at least the rows in view; the few below go once the
    // list's own size is known, after the first paint.
    initialRect: { width: 0, height: window.innerHeight },
    observeElementRect: observeListRect,
    scrollToFn: scrollList
  })
  // A new search, filter or order starts at the top. A new list is at its top already: scrolling it there would lay the
  // window out before its first paint.
  const shownKey = useRef(queryKey)
  useEffect(() => {
    if (shownKey.current === queryKey) return
    shownKey.current = queryKey
    virtualizer.scrollToOffset(0)
  }, [virtualizer, queryKey])

  const activeIndex = useMemo(() => (activeId ? items.findIndex((hit) => hit.id === activeId) : -1), [items, activeId])

  // Scrolls each newly active article into view once, even when it arrives in a later list
  // (a new article); later refreshes leave the writer's scroll position alone.
  const revealed = useRef<string | null>(null)
  useEffect(() => {
    if (!activeId || activeIndex < 0 || revealed.current === activeId) return
    revealed.current = activeId
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeId, activeIndex, virtualizer])

  const moveTo = (index: number): void => {
    const target = items[Math.max(0, Math.min(items.length - 1, index))]
    if (target) onActivate(target.id)
  }

  const targetIndex = (key: string): number | null => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1)
    switch (key) {
      case 'ArrowDown':
        return activeIndex + 1
      case 'ArrowUp':
        return activeIndex - 1
      case 'PageDown':
        return activeIndex + page
      case 'PageUp':
        return activeIndex - page
      case 'Home':
        return 0
      case 'End':
        return items.length - 1
      default:
        return null
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = targetIndex(event.key)
    if (target !== null) {
      event.preventDefault()
      moveTo(target)
      return
    }
    const current = items[activeIndex]
    if (!current) return
    if (event.key === 'Enter') {
      event.preventDefault()
      onOpen(current.id)
    } else if (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) {
      // Cmd+Backspace is the Mac keyboard's Delete, as in Finder.
      event.preventDefault()
      onTrash(current.id)
    }
  }

  return (
    <div
      ref={scrollRef}
      className="article-list"
      role="listbox"
      aria-label="Articles"
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 && activeId ? optionId(activeId) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="article-list-spacer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const hit = items[row.index]
          if (!hit) return null
          return (
            <div
              key={row.key}
              id={optionId(hit.id)}
              role="option"
              aria-selected={hit.id === selectedId}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              data-active={hit.id === activeId || undefined}
              className="article-row"
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              onClick={() => {
                onActivate(hit.id)
                onOpen(hit.id)
              }}
            >
              <ArticleRow hit={hit} query={query} />
            </div>
          )
        })}
      </div>
    </div>
  )
}
