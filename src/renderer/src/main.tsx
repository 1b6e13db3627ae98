import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './shell/ErrorBoundary'
import { StartupGate, windowStart } from './shell/StartupGate'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// React starts with main's answer in hand (the preload asked for it as the page began loading): an empty gate
// drawn first, asking from its effect, cost the list a render, a commit and a wait for passive effects.
void windowStart().then((first) =>
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <StartupGate first={first}>{(start) => <App start={start} />}</StartupGate>
      </ErrorBoundary>
    </StrictMode>
  )
)
