import { profileNames, type ProfileName } from '../../../shared/export/types'

const profileLabels: Record<ProfileName, string> = {
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  astro: 'Astro (MDX)',
  plain: 'Plain Markdown'
}

/** The export profile picker that single and site export share, under the caption each dialog gives it. */
export function ProfileSelect({ caption, value, onChange }: { caption: string; value: ProfileName; onChange: (profile: ProfileName) => void }): React.JSX.Element {
  return (
    <label className="export-field">
      <span>{caption}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as ProfileName)}>
        {profileNames.map((name) => (
          <option key={name} value={name}>
            {profileLabels[name]}
          </option>
        ))}
      </select>
    </label>
  )
}
