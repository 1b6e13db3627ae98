import type { SiteFile } from '../../../shared/export-api'

interface Props {
  label: string
  files: SiteFile[]
  /** Open from the start: lists that ask for a decision. */
  open?: boolean
}

/** A count that unfolds into its files, so 10,000 unchanged files do not crowd what matters. */
export function FileList({ label, files, open = false }: Props): React.JSX.Element | null {
  if (files.length === 0) return null
  return (
    <details className="export-files" open={open}>
      <summary>
        {label}: {files.length}
      </summary>
      <ul>
        {files.map((file) => (
          <li key={file.path}>
            <code>{file.path}</code>
            {file.kind === 'article' && file.title ? <span className="export-file-title"> {file.title}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  )
}
