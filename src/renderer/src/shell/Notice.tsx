export interface NoticeMessage {
  kind: 'error' | 'info'
  text: string
}

/** A dismissible message in plain words; errors are announced to screen readers at once. */
export function Notice({ message, onDismiss }: { message: NoticeMessage; onDismiss: () => void }): React.JSX.Element {
  return (
    <div className={`notice notice-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      <button className="ghost" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
