export function EditorArea(): React.JSX.Element {
  return (
    <main className="editor-area" aria-label="Editor">
      <div className="editor-empty">
        <h1>Copydesk</h1>
        <p>Pick an article in the library, or start a new one.</p>
      </div>
    </main>
  )
}
