import { useEffect, useState } from 'react'
import type { ChecklistResult } from '../../../../shared/review/checklist'
import { call } from '../../lib/api'
import { useReview } from '../ReviewContext'
import { ChecklistItems } from './ChecklistItems'
import { ChecklistSettingsDialog } from './ChecklistSettingsDialog'

/** "Ready to publish?": the library's checklist run on the saved article, refreshed after each save. */
export function ChecklistPanel({ articleId, version }: { articleId: string; version: string }): React.JSX.Element {
  const { onError } = useReview()
  const [result, setResult] = useState<ChecklistResult | null>(null)
  const [editing, setEditing] = useState(false)
  const [configVersion, setConfigVersion] = useState(0)

  useEffect(() => {
    call('getChecklist', { id: articleId }).then(setResult, onError)
  }, [articleId, version, configVersion, onError])

  return (
    <div className="checklist-panel">
      {result && (
        <p className={result.passed ? 'checklist-verdict is-ok' : 'checklist-verdict is-failed'}>
          {result.passed ? 'Yes: it passes every check.' : `Not yet: ${result.items.filter((item) => !item.ok).length} to fix.`}
        </p>
      )}
      {result && <ChecklistItems result={result} />}
      <button type="button" onClick={() => setEditing(true)}>
        Review settings…
      </button>
      {editing && (
        <ChecklistSettingsDialog
          onClose={(saved) => {
            setEditing(false)
            if (saved) setConfigVersion((n) => n + 1)
          }}
        />
      )}
    </div>
  )
}
