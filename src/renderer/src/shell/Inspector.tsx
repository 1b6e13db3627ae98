export function Inspector(): React.JSX.Element {
  return (
    <aside className="inspector" aria-label="Article details">
      <h2>Details</h2>
      <p className="empty">Open an article to see its title, slug, authors and status.</p>
    </aside>
  )
}
