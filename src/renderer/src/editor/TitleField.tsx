import { useEffect, useLayoutEffect, useRef } from 'react'

interface Props {
  value: string
  onChange: (title: string) => void
  /** Enter or ↓ at the end moves on into the body. */
  onLeave: () => void
  /** Take the cursor on opening: a new article starts at its title. */
  autoFocus?: boolean
}

/** Tall enough for every line: the title wraps whole, never scrolls inside its box. */
function fitHeight(element: HTMLTextAreaElement): void {
  element.style.height = 'auto'
  element.style.height = `${element.scrollHeight}px`
}

/** The headline above the body: one line that wraps and grows as it gets longer. */
export function TitleField({ value, onChange, onLeave, autoFocus = false }: Props): React.JSX.Element {
  const field = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    if (field.current) fitHeight(field.current)
  }, [value])
  // The column narrows and widens (a panel, the comments, the window): the lines change with it.
  useEffect(() => {
    const element = field.current
    if (!element) return
    let width = element.clientWidth
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return
      width = element.clientWidth
      fitHeight(element)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  useEffect(() => {
    if (autoFocus) field.current?.focus()
  }, [autoFocus])

  return (
    <textarea
      ref={field}
      className="title-field"
      aria-label="Article title"
      placeholder="Title"
      rows={1}
      maxLength={300}
      spellCheck
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\s*\n\s*/g, ' '))}
      onKeyDown={(event) => {
        const atEnd = event.currentTarget.selectionStart === event.currentTarget.value.length
        if (event.key === 'Enter' || (event.key === 'ArrowDown' && atEnd)) {
          event.preventDefault()
          onLeave()
        }
      }}
    />
  )
}
