import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  error: Error | null
}

/** Shows what broke, with a way back, instead of leaving a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[copydesk] renderer crashed', error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <main className="crash" role="alert">
        <h1>Copydesk hit a problem</h1>
        <p>Your saved work is safe on disk. The window stopped drawing because of this error:</p>
        <pre>{error.message}</pre>
        <div className="crash-actions">
          <button onClick={() => this.setState({ error: null })}>Try again</button>
          <button onClick={() => window.location.reload()}>Reload window</button>
        </div>
      </main>
    )
  }
}
