interface Props {
  libraryPath: string
  selectedId: string | null
  onSelect: (id: string | null) => void
  /** Changes whenever an article was saved elsewhere in the app. */
  version: number
  onError: (error: unknown) => void
}

const folderName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? ''

export function Sidebar({ libraryPath }: Props): React.JSX.Element {
  return (
    <nav className="sidebar" aria-label="Library">
      <header className="sidebar-header">
        <h2 title={libraryPath}>{folderName(libraryPath) || 'Library'}</h2>
      </header>
      <p className="empty">No articles yet.</p>
    </nav>
  )
}
