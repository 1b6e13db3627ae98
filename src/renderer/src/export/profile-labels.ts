import type { ProfileName } from '../../../shared/export/types'

export const profileLabels: Record<ProfileName, string> = {
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  astro: 'Astro (MDX)',
  plain: 'Plain Markdown'
}
