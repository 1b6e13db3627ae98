import { useEffect, useState } from 'react'
import type { SiteExportCall, SiteExportPlan, SiteExportProgress, SiteExportReport } from '../../../shared/export-api'
import { call, errorMessage } from '../lib/api'
import { Modal } from './Modal'
import { SiteExportPlanView, type Confirmations } from './SiteExportPlanView'
import { SiteExportProgressView } from './SiteExportProgressView'
import { SiteExportReportView } from './SiteExportReportView'
import { SiteExportSetup, type SiteExportChoice } from './SiteExportSetup'
import { newId } from '../../../shared/ids'

type Step =
  | { name: 'setup' }
  | { name: 'previewing' }
  | { name: 'plan'; plan: SiteExportPlan }
  | { name: 'running'; jobId: string; progress: SiteExportProgress | null }
  | { name: 'report'; report: SiteExportReport }


interface Props {
  onClose: () => void
  onError: (error: unknown) => void
}

/**
 * File → Export to Site…: choose the folder, profile and articles; see what
 * would change (the dry run); confirm removals and overwrites; watch the
 * progress (cancellable); read the report.
 */
export function SiteExportDialog({ onClose, onError }: Props): React.JSX.Element {
  const [request, setRequest] = useState<SiteExportChoice | null>(null)
  const [step, setStep] = useState<Step>({ name: 'setup' })
  const [problem, setProblem] = useState('')
  const running = step.name === 'running' ? step.jobId : null

  useEffect(() => {
    if (!running) return
    return window.copydesk.on('siteExportProgress', (progress) => {
      if (progress.jobId === running) setStep((current) => (current.name === 'running' ? { ...current, progress } : current))
    })
  }, [running])

  const asCall = ({ site, ...options }: SiteExportChoice): SiteExportCall => ({ ...options, site: site.handle })

  const preview = async (next: SiteExportChoice): Promise<void> => {
    setRequest(next)
    setProblem('')
    setStep({ name: 'previewing' })
    try {
      setStep({ name: 'plan', plan: await call('previewSiteExport', asCall(next)) })
    } catch (error) {
      setProblem(errorMessage(error))
      setStep({ name: 'setup' })
    }
  }

  const run = async (confirmations: Confirmations): Promise<void> => {
    if (!request) return
    const jobId = newId()
    setStep({ name: 'running', jobId, progress: null })
    try {
      const report = await call('runSiteExport', { ...asCall(request), ...confirmations, jobId })
      setStep({ name: 'report', report })
    } catch (error) {
      setProblem(errorMessage(error))
      setStep({ name: 'setup' })
    }
  }

  const cancel = (): void => {
    if (running) call('cancelSiteExport', { jobId: running }).catch(onError)
  }

  return (
    <Modal title="Export to site" className="site-export" {...(running ? {} : { onClose })}>
      {problem && (
        <p role="alert" className="export-problem">
          {problem}
        </p>
      )}
      {(step.name === 'setup' || step.name === 'previewing') && (
        <SiteExportSetup initial={request} busy={step.name === 'previewing'} onPreview={(next) => void preview(next)} onCancel={onClose} onError={onError} />
      )}
      {step.name === 'plan' && <SiteExportPlanView plan={step.plan} onBack={() => setStep({ name: 'setup' })} onExport={(confirm) => void run(confirm)} />}
      {step.name === 'running' && <SiteExportProgressView progress={step.progress} onCancel={cancel} />}
      {step.name === 'report' && <SiteExportReportView report={step.report} onClose={onClose} />}
    </Modal>
  )
}
