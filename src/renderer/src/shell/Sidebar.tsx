const folderName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? ''

export function Sidebar({ libraryPath }: { libraryPath: string }): React.JSX.Element {
  return (
    <nav className="sidebar" aria-label="Library">
      <header className="sidebar-header">
        <h2 title={libraryPath}>{folderName(libraryPath) || 'Library'}</h2>
      </header>
      <p className="empty">No articles yet.</p>
    </nav>
  )
}
