import { slugify, slugPattern, SLUG_MAX_LENGTH } from '../../article/slug'
import { UserError } from '../../ipc/result'

/** Names Windows refuses for a file whatever its extension ("con.md" is the console). */
const reservedNames = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/**
 * An article's slug as a file or folder name. Library slugs are already safe;
 * anything else (an article file edited by hand) is slugified, which leaves
 * only lowercase letters, digits and hyphens: never `..`, `/` or `\`.
 */
export function slugSegment(slug: string): string {
  const safe = slugPattern.test(slug) && slug.length <= SLUG_MAX_LENGTH ? slug : slugify(slug)
  return reservedNames.test(safe) ? `${safe}-article` : safe
}

const mediaName = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,118}[A-Za-z0-9_-])?$/

/** The file name of a media source, reduced to letters, digits, dots, hyphens and underscores. */
export function mediaSegment(src: string): string {
  const base = src.split(/[\\/]/).pop() ?? ''
  const stem = base.replace(/\.[^.]*$/, '')
  if (mediaName.test(base) && !reservedNames.test(stem.split('.')[0]!)) return base
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(base)?.[1]?.toLowerCase()
  const safeStem = slugify(stem).slice(0, 100)
  const name = reservedNames.test(safeStem) ? `${safeStem}-file` : safeStem
  return extension ? `${name}.${extension}` : name
}

const sectionPattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/

/** A section or collection the user typed: checked, not repaired, since it names folders in their site. */
export function sectionPath(section: string): string {
  const trimmed = section.trim().replace(/^\/+|\/+$/g, '')
  if (trimmed.length > 200 || !sectionPattern.test(trimmed) || trimmed.split('/').some((segment) => reservedNames.test(segment))) {
    throw new UserError(
      'invalid-input',
      `“${section.slice(0, 100)}” cannot be a section: use lowercase letters, digits, hyphens or underscores, with “/” between folders.`
    )
  }
  return trimmed
}

/** The relative URL from a file in `fromDir` to `to`, both relative to the same root. */
export function relativePath(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter(Boolean)
  const target = to.split('/').filter(Boolean)
  let common = 0
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++
  const up = from.length - common
  return `${up ? '../'.repeat(up) : './'}${target.slice(common).join('/')}`
}

export const dirOf = (path: string): string => path.split('/').slice(0, -1).join('/')
