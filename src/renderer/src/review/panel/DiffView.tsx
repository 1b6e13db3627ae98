import type { ArticleDiff, Run } from '../../../../shared/review/diff/diff-types'

function Runs({ runs }: { runs: Run[] }): React.JSX.Element {
  return (
    <>
      {runs.map((run, i) =>
        run.kind === 'added' ? (
          <ins key={i} className="diff-added">
            {run.text}
          </ins>
        ) : run.kind === 'removed' ? (
          <del key={i} className="diff-removed">
            {run.text}
          </del>
        ) : (
          <span key={i}>{run.text}</span>
        )
      )}
    </>
  )
}

const changeWords = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' }

/** What changed between two versions, in words: added text underlined in green, removed struck in red. */
export function DiffView({ diff }: { diff: ArticleDiff }): React.JSX.Element {
  if (diff.identical) return <p>These two versions are the same.</p>
  return (
    <div className="diff-view">
      <p className="review-muted">
        {diff.wordsAdded} {diff.wordsAdded === 1 ? 'word' : 'words'} added and {diff.wordsRemoved} removed in the text.
      </p>
      {diff.sections.map((section, i) => (
        <section key={i} className={`diff-section diff-change-${section.change}`} aria-label={`${changeWords[section.change]}: ${section.label}`}>
          <h3>
            <span className={`diff-badge diff-badge-${section.change}`}>{changeWords[section.change]}</span> {section.label}
          </h3>
          <p className="review-muted">{section.summary}</p>
          {section.lines.map((line, j) => (
            <p key={j} className="diff-line">
              {line.label && <span className="diff-line-label">{line.label}: </span>}
              <Runs runs={line.runs} />
            </p>
          ))}
        </section>
      ))}
    </div>
  )
}
