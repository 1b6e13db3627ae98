import slugifyText from '@sindresorhus/slugify'

export const SLUG_MAX_LENGTH = 80
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lowercase letters, digits and single hyphens: safe as a file and URL name everywhere. */
export function slugify(text: string): string {
  const slug = slugifyText(text, { lowercase: true, decamelize: false })
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, '')
  return slug || 'untitled'
}

/** The first of `base`, `base-2`, `base-3`… that `taken` does not contain. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!taken(candidate)) return candidate
  }
}
