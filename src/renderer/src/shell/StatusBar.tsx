import type { Theme } from '../../../shared/settings'

export interface StatusBarProps {
  version: string
  theme: Theme
  appliedTheme: 'light' | 'dark'
  onThemeChange: (theme: Theme) => void
  /** Show or hide the library and the details, focus mode. */
  layoutButtons?: React.ReactNode
  /** The shared library's sync state and button. */
  sync?: React.ReactNode
}

const themeLabels: Record<Theme, string> = { system: 'System theme', light: 'Light', dark: 'Dark' }

/** App-wide facts (version, theme) plus, as children, the open article's save state and counts. */
export function StatusBar({ version, theme, appliedTheme, onThemeChange, layoutButtons, sync, children }: StatusBarProps & { children?: React.ReactNode }): React.JSX.Element {
  return (
    <footer className="status-bar">
      {layoutButtons}
      <span className="status-item" data-testid="app-version">
        Copydesk {version}
      </span>
      {children}
      <span className="status-spacer" />
      {sync}
      <label className="status-item">
        <span className="visually-hidden">Theme</span>
        <select
          aria-label="Theme"
          value={theme}
          data-applied={appliedTheme}
          onChange={(event) => onThemeChange(event.target.value as Theme)}
        >
          {(Object.keys(themeLabels) as Theme[]).map((value) => (
            <option key={value} value={value}>
              {themeLabels[value]}
            </option>
          ))}
        </select>
      </label>
    </footer>
  )
}
