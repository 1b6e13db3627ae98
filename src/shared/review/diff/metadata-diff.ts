import { diffArrays } from 'diff'
import { statusLabels, type Article } from '../../article/article'
import type { DiffNames, DiffSection, Run } from './diff-types'
import { wholeRun, wordDiff } from './word-runs'

const textFields = [
  ['title', 'Title'],
  ['slug', 'Slug'],
  ['dek', 'Dek'],
  ['description', 'Description'],
  ['category', 'Category']
] as const

const NOT_SET = '(not set)'

/** Metadata changes as field changes: text word by word, lists item by item. */
export function diffMetadata(before: Article, after: Article, names: DiffNames): DiffSection[] {
  const sections: DiffSection[] = []
  for (const [field, label] of textFields) {
    if (before[field] === after[field]) continue
    sections.push(field === 'slug' ? replaced(field, label, before.slug, after.slug) : textSection(field, label, before[field], after[field]))
  }
  if (before.status !== after.status) sections.push(replaced('status', 'Status', statusLabels[before.status], statusLabels[after.status]))
  sections.push(...listSection('authors', 'Authors', before.authors, after.authors))
  sections.push(...listSection('tags', 'Tags', before.tags, after.tags))
  const title = (id: string) => names.articleTitle?.(id) ?? id
  sections.push(...listSection('related', 'Related articles', before.related.map(title), after.related.map(title)))
  if (before.publishDate !== after.publishDate)
    sections.push(replaced('publishDate', 'Publish date', before.publishDate ?? NOT_SET, after.publishDate ?? NOT_SET))
  sections.push(...featuredImageSections(before, after))
  return sections
}

function textSection(field: string, label: string, before: string, after: string): DiffSection {
  const summary = !before ? `${label} added.` : !after ? `${label} removed.` : `${label} changed.`
  return { kind: 'field', field, change: 'changed', label, summary, lines: [{ runs: wordDiff(before, after).runs }] }
}

/** A value that is either one thing or another, like a status: shown as replaced whole. */
function replaced(field: string, label: string, before: string, after: string): DiffSection {
  return {
    kind: 'field',
    field,
    change: 'changed',
    label,
    summary: `${label} changed from “${before}” to “${after}”.`,
    lines: [{ runs: [...wholeRun('removed', before), { kind: 'same', text: ' → ' }, ...wholeRun('added', after)] }]
  }
}

function listSection(field: string, label: string, before: readonly string[], after: readonly string[]): DiffSection[] {
  if (before.join('\n') === after.join('\n')) return []
  const runs: Run[] = []
  const added: string[] = []
  const removed: string[] = []
  for (const change of diffArrays([...before], [...after])) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same'
    for (const item of change.value) {
      if (runs.length > 0) runs.push({ kind: 'same', text: ', ' })
      runs.push({ kind, text: item })
      if (kind === 'added') added.push(item)
      if (kind === 'removed') removed.push(item)
    }
  }
  const quoted = (items: string[]) => items.map((i) => `“${i}”`).join(', ')
  const parts = [
    ...(added.length ? [`${quoted(added)} added`] : []),
    ...(removed.length ? [`${quoted(removed)} removed`] : [])
  ]
  const summary = parts.length ? `${label}: ${parts.join('; ')}.` : `${label} reordered.`
  return [{ kind: 'field', field, change: 'changed', label, summary, lines: [{ runs }] }]
}

function featuredImageSections(before: Article, after: Article): DiffSection[] {
  const old = before.featuredImage
  const now = after.featuredImage
  if (old?.src === now?.src && old?.alt === now?.alt) return []
  if (!old || !now || old.src !== now.src) return [replaced('featuredImage', 'Featured image', old?.src ?? NOT_SET, now?.src ?? NOT_SET)]
  return [textSection('featuredImage', 'Featured image alt text', old.alt, now.alt)]
}
