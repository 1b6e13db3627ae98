import { useLayoutEffect, useRef } from 'react'

interface Props {
  value: string
  onChange: (title: string) => void
  /** Enter or ↓ at the end moves on into the body. */
  onLeave: () => void
}

/** The headline above the body: one line that wraps and grows as it gets longer. */
export function TitleField({ value, onChange, onLeave }: Props): React.JSX.Element {
  const field = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const element = field.current
    if (!element) return
    element.style.height = 'auto'
    element.style.height = `${element.scrollHeight}px`
  }, [value])

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
