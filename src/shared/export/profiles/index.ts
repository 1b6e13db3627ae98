import type { ProfileName } from '../types'
import { astro } from './astro'
import { hugo } from './hugo'
import { jekyll } from './jekyll'
import { plain } from './plain'
import type { SiteProfile } from './site-profile'

export const profiles: Record<ProfileName, SiteProfile> = { hugo, jekyll, astro, plain }
export type { SiteProfile } from './site-profile'
