interface Props {
  articleId: string | null
  /** Called after a save so the library list can refresh titles and statuses. */
  onArticleChanged: () => void
  onError: (error: unknown) => void
}

export function EditorArea(_props: Props): React.JSX.Element {
  return (
    <main className="editor-area" aria-label="Editor">
      <div className="editor-empty">
        <h1>Copydesk</h1>
        <p>Pick an article in the library, or start a new one.</p>
      </div>
    </main>
  )
}
