import { useEffect, useId, useMemo, useState } from 'react'
import type { Article } from '../../../shared/article/article'
import { bodyText, type BodyNode } from '../../../shared/article/body'
import type { Run } from '../../../shared/review/diff/diff-types'
import type { SavedArticle } from '../../../shared/library-api'
import { call, errorMessage } from '../lib/api'
import { ModalDialog } from '../lib/ModalDialog'
import { when } from '../review/editing/when'
import type { ConflictChoiceField } from '../../../shared/sync-api'
import { chosenFields, fieldRows, notOffered, type FieldRow } from './conflict-fields'
import { chosenBody, conflictRows, sideRuns, type ConflictRow, type Side } from './conflict-rows'

interface Props {
  /** The article as stored, flagged `syncConflict`. */
  article: Article
  onResolved: (saved: SavedArticle) => void
  onClose: () => void
}

const blockNames: Record<string, string> = {
  paragraph: 'Paragraph',
  heading: 'Heading',
  blockquote: 'Quote',
  bulletList: 'List',
  orderedList: 'Numbered list',
  codeBlock: 'Code',
  table: 'Table',
  horizontalRule: 'Divider',
  image: 'Image',
  faq: 'FAQ',
  promoSlot: 'Promo slot'
}
const blockName = (block: BodyNode): string => blockNames[block.type] ?? 'Block'

const sideNames: Record<Side, string> = { ours: 'Kept in the article', theirs: 'The other version' }

function Words({ runs }: { runs: Run[] }): React.JSX.Element {
  if (runs.every((run) => !run.text.trim())) return <span className="conflict-no-words">(no words)</span>
  return (
    <>
      {runs.map((run, n) => (run.kind === 'same' ? <span key={n}>{run.text}</span> : <mark key={n}>{run.text}</mark>))}
    </>
  )
}

/**
 * The two versions of an article a sync could not merge, side by side: the
 * one kept in the article and the one kept as a revision. Each place where
 * they differ is a choice between the two; Resolve saves the body so chosen
 * and clears the conflict flag.
 */
export function ConflictView({ article, onResolved, onClose }: Props): React.JSX.Element {
  const titleId = useId()
  const flag = article.syncConflict
  const [other, setOther] = useState<Article | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [picks, setPicks] = useState<Side[]>([])
  const [fieldPicks, setFieldPicks] = useState<Partial<Record<ConflictChoiceField, Side>>>({})
  const [saving, setSaving] = useState(false)

  const revisionId = flag?.revisionId
  useEffect(() => {
    if (revisionId) call('getRevision', { id: article.id, revisionId }).then(setOther, (error: unknown) => setProblem(errorMessage(error)))
  }, [article.id, revisionId])
  const shownProblem = revisionId ? problem : 'The other version was not kept with this conflict, so there is nothing to compare.'

  const rows = useMemo(() => (other ? conflictRows(article.body, other.body) : []), [article.body, other])
  const fields = useMemo(() => (other ? fieldRows(article, other) : []), [article, other])
  const differing = rows.filter((row) => !row.same).length + fields.length
  const takeAll = (side: Side): void => {
    setPicks(rows.map(() => side))
    setFieldPicks(Object.fromEntries(fields.map((row) => [row.field, side])))
  }

  const resolve = async (): Promise<void> => {
    setSaving(true)
    setProblem(null)
    try {
      const chosen = other ? chosenFields(other, fields, fieldPicks) : {}
      const saved = await call('resolveSyncConflict', {
        id: article.id,
        ...(revisionId ? { revisionId } : {}),
        body: chosenBody(article.body, rows, picks),
        ...(chosen && Object.keys(chosen).length ? { fields: chosen } : {})
      })
      onResolved(saved)
    } catch (error) {
      setProblem(errorMessage(error))
      setSaving(false)
    }
  }

  let place = 0
  return (
    <ModalDialog className="sync-dialog conflict-view" labelledBy={titleId} onDismiss={saving ? undefined : onClose}>
      <header className="conflict-view-head">
        <h2 id={titleId}>Settle the sync conflict in “{article.title || 'Untitled'}”</h2>
        <p>
          {flag?.summary ?? 'Both sides changed this article.'} Pick the version of each detail and block to keep; blocks both versions share stay as they are.
        </p>
        {notOffered(article).map((note) => (
          <p key={note} className="conflict-note">
            {note}
          </p>
        ))}
      </header>
      {other ? (
        <>
          <div className="conflict-take-all">
            <span>{differing === 1 ? '1 place differs.' : `${differing} places differ.`}</span>
            <button type="button" onClick={() => takeAll('ours')}>
              Take all of the kept version
            </button>
            <button type="button" onClick={() => takeAll('theirs')}>
              Take all of the other version
            </button>
          </div>
          <div className="conflict-columns" aria-hidden="true">
            <span>{sideNames.ours}</span>
            <span>
              {sideNames.theirs}
              {flag ? ` (kept ${when(flag.at)})` : ''}
            </span>
          </div>
          {fields.length > 0 && (
            <ol className="conflict-rows" aria-label="Details both versions changed">
              {fields.map((row) => (
                <FieldChoiceRow key={row.field} row={row} pick={fieldPicks[row.field] ?? 'ours'} onPick={(side) => setFieldPicks((all) => ({ ...all, [row.field]: side }))} />
              ))}
            </ol>
          )}
          <ol className="conflict-rows">
            {rows.map((row, n) =>
              row.same ? (
                <SameRow key={n} row={row} />
              ) : (
                <DifferingRow key={n} row={row} place={++place} pick={picks[n] ?? 'ours'} onPick={(side) => setPicks((all) => rows.map((_, i) => (i === n ? side : (all[i] ?? 'ours'))))} />
              )
            )}
          </ol>
        </>
      ) : (
        !shownProblem && <p>Reading the other version…</p>
      )}
      {shownProblem && (
        <p role="alert" className="sync-dialog-problem">
          {shownProblem}
        </p>
      )}
      <footer className="sync-dialog-actions">
        <button type="button" onClick={onClose} disabled={saving}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void resolve()} disabled={!other || saving}>
          {saving ? 'Resolving…' : 'Resolve'}
        </button>
      </footer>
    </ModalDialog>
  )
}

function SameRow({ row }: { row: Extract<ConflictRow, { same: true }> }): React.JSX.Element {
  const words = [{ kind: 'same' as const, text: row.block.type === 'image' ? String(row.block.attrs?.['src'] ?? '') : bodyText(row.block) }]
  return (
    <li className="conflict-row conflict-same">
      <div className="conflict-block">
        <span className="conflict-block-name">{blockName(row.block)}, the same in both</span>
        <Words runs={words} />
      </div>
    </li>
  )
}

function DifferingRow({ row, place, pick, onPick }: { row: Extract<ConflictRow, { same: false }>; place: number; pick: Side; onPick: (side: Side) => void }): React.JSX.Element {
  const name = useId()
  const runs = sideRuns(row)
  const side = (which: Side): React.JSX.Element => {
    const block = row[which]
    return (
      <label className="conflict-block conflict-choice" data-side={which} data-picked={pick === which || undefined}>
        <span className="conflict-block-name">
          <input type="radio" name={name} checked={pick === which} onChange={() => onPick(which)} /> {sideNames[which]}
          {block ? `: ${blockName(block).toLowerCase()}` : ': nothing here'}
        </span>
        {runs[which] ? <Words runs={runs[which]} /> : <span className="conflict-no-words">(this version has no block here)</span>}
      </label>
    )
  }
  return (
    <li className="conflict-row">
      <fieldset className="conflict-pair">
        <legend className="visually-hidden">Place {place} where the versions differ: keep which?</legend>
        {side('ours')}
        {side('theirs')}
      </fieldset>
    </li>
  )
}

function FieldChoiceRow({ row, pick, onPick }: { row: FieldRow; pick: Side; onPick: (side: Side) => void }): React.JSX.Element {
  const name = useId()
  const side = (which: Side): React.JSX.Element => (
    <label className="conflict-block conflict-choice conflict-field" data-side={which} data-picked={pick === which || undefined}>
      <span className="conflict-block-name">
        <input type="radio" name={name} checked={pick === which} onChange={() => onPick(which)} /> {sideNames[which]}: {row.name.toLowerCase()}
      </span>
      {row[which] ? <span>{row[which]}</span> : <span className="conflict-no-words">(empty)</span>}
    </label>
  )
  return (
    <li className="conflict-row">
      <fieldset className="conflict-pair">
        <legend className="visually-hidden">{row.name}: keep which?</legend>
        {side('ours')}
        {side('theirs')}
      </fieldset>
    </li>
  )
}
