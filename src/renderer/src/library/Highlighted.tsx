const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `text` with the words of `query` marked, case-insensitively, so a writer sees why a result matched. */
export function Highlighted({ text, query }: { text: string; query: string }): React.JSX.Element {
  const words = query.split(/\s+/).filter((word) => word.length > 1)
  if (words.length === 0) return <>{text}</>
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi')
  // split() with a capturing group puts the matches at odd indexes.
  return <>{text.split(pattern).map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}</>
}
