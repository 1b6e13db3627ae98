import type { FolderRef } from '../../../shared/folders'
import type { LibraryInfo } from '../../../shared/library-api'
import { folderName } from './format'

interface Props {
  info: LibraryInfo | null
  fallbackPath: string
  recent: FolderRef[]
  onOpen: (recent?: FolderRef) => void
}

const openShortcut = navigator.userAgent.includes('Mac') ? '⌘O' : 'Ctrl+O'

/** Which library is open, and the way to another one. */
export function LibraryHeader({ info, fallbackPath, recent, onOpen }: Props): React.JSX.Element {
  const path = info?.path ?? fallbackPath
  const others = recent.filter((candidate) => candidate.path !== path)
  return (
    <header className="sidebar-header library-header">
      <div className="library-title">
        <h2 title={path}>{info?.name || folderName(path) || 'Library'}</h2>
        <span className="library-path" title={path}>
          <bdi dir="ltr">{path || 'Opening…'}</bdi>
        </span>
      </div>
      <button className="ghost library-open" title={`Open another library (${openShortcut})`} onClick={() => onOpen()}>
        Open…
      </button>
      {others.length > 0 && (
        <select
          className="library-recent"
          aria-label="Recent libraries"
          value=""
          onChange={(event) => {
            const chosen = others.find((candidate) => candidate.handle === event.target.value)
            if (chosen) onOpen(chosen)
          }}
        >
          <option value="" disabled>
            Recent
          </option>
          {others.map((candidate) => (
            <option key={candidate.handle} value={candidate.handle} title={candidate.path}>
              {folderName(candidate.path)} — {candidate.path}
            </option>
          ))}
        </select>
      )}
    </header>
  )
}
