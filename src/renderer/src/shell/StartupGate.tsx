import { useCallback, useState } from 'react'
import type { StartupProblem, WindowStart } from '../../../shared/ipc/contract'
import { call, errorMessage } from '../lib/api'

/** What the running app draws first, from main's one answer. */
export type RunningStart = Extract<WindowStart, { problem: null }>

type Phase =
  | { kind: 'running'; start: RunningStart }
  | { kind: 'failed'; problem: StartupProblem; busy: boolean; note: string | null }

const phaseOf = (start: WindowStart, note: string | null = null): Phase =>
  start.problem ? { kind: 'failed', problem: start.problem, busy: false, note } : { kind: 'running', start }

/** Main's first answer to the window, or why asking failed too (no main process answering): never nothing to draw. */
export const windowStart = (): Promise<WindowStart> =>
  call('getWindowStart').catch((error: unknown) => ({ problem: { message: errorMessage(error), folder: '' } }))

/**
 * Shows the workstation once main has opened a library, drawn from main's
 * first answer. If it could not, the window says why in plain words and
 * offers the ways out: try again, open another folder, show the folder in the file manager.
 */
export function StartupGate({
  first,
  children
}: {
  /** Main's first answer, asked for before React starts (main.tsx): the first frame React draws is the library or the problem. */
  first: WindowStart
  children: (start: RunningStart) => React.ReactNode
}): React.JSX.Element {
  const [phase, setPhase] = useState<Phase>(() => phaseOf(first))

  const settle = useCallback((start: WindowStart, note: string | null = null) => setPhase(phaseOf(start, note)), [])

  if (phase.kind === 'running') return <>{children(phase.start)}</>

  const { problem, busy, note } = phase
  const attempt = (run: () => Promise<StartupProblem | null>, sameProblemNote: string) => {
    setPhase({ ...phase, busy: true, note: null })
    run().then(
      async (next) => {
        const same = next !== null && next.message === problem.message && next.folder === problem.folder
        settle(next ? { problem: next } : await windowStart(), same ? sameProblemNote : next ? 'That folder could not be opened either.' : null)
      },
      (error: unknown) => settle({ problem }, errorMessage(error))
    )
  }
  const showFolder = () => {
    call('showStartupFolder').catch((error: unknown) => setPhase({ ...phase, note: errorMessage(error) }))
  }

  return (
    <main className="crash startup-failure" role="alert" aria-busy={busy}>
      <h1>Copydesk could not open your library</h1>
      <p className="startup-reason">{problem.message}</p>
      <p>You can try again once the problem above is fixed, open another library folder, or look at the folder yourself.</p>
      <div className="crash-actions">
        <button disabled={busy} onClick={() => attempt(() => call('retryStartup'), 'It still could not be opened.')}>
          Try again
        </button>
        <button disabled={busy} onClick={() => attempt(() => call('startWithOtherFolder'), 'No folder was chosen.')}>
          Open another folder…
        </button>
        {problem.folder && (
          <button disabled={busy} onClick={showFolder}>
            Show the folder
          </button>
        )}
      </div>
      {note && <p className="startup-note">{note}</p>}
    </main>
  )
}
