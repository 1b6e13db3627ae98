import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './shell/ErrorBoundary'
import { StartupGate } from './shell/StartupGate'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <StartupGate>{(start) => <App start={start} />}</StartupGate>
    </ErrorBoundary>
  </StrictMode>
)
