import type { Article } from '../../../shared/article/article'
import { conflictChoiceFields, type ConflictChoiceField, type ResolveSyncConflictRequest } from '../../../shared/sync-api'
import type { Side } from './conflict-rows'

/** A metadata field both sides changed differently, for the user to pick. */
export interface FieldRow {
  field: ConflictChoiceField
  name: string
  ours: string
  theirs: string
}

const fieldNames: Record<ConflictChoiceField, string> = {
  title: 'Title',
  dek: 'Dek',
  category: 'Category',
  description: 'Description',
  featuredImage: 'Featured image',
  publishDate: 'Publish date',
  authors: 'Authors',
  tags: 'Tags',
  related: 'Related articles'
}

const offered = (field: string): field is ConflictChoiceField => field in conflictChoiceFields

function shown(value: Article[ConflictChoiceField]): string {
  if (value === null) return ''
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') return value.alt ? `${value.src} (${value.alt})` : value.src
  return value
}

/** The fields the merge flagged that still differ between the kept article and the other version. */
export function fieldRows(kept: Article, other: Article): FieldRow[] {
  return (kept.syncConflict?.fields ?? []).filter(offered).flatMap((field) =>
    JSON.stringify(kept[field]) === JSON.stringify(other[field]) ? [] : [{ field, name: fieldNames[field], ours: shown(kept[field]), theirs: shown(other[field]) }]
  )
}

/** The other version's values of the fields the user picked it for; the kept ones need no saving. */
export function chosenFields(other: Article, rows: FieldRow[], picks: Partial<Record<ConflictChoiceField, Side>>): ResolveSyncConflictRequest['fields'] {
  return Object.fromEntries(rows.filter((row) => picks[row.field] === 'theirs').map((row) => [row.field, other[row.field]]))
}

/** Flagged fields the view does not offer (the slug, the status): where to change them instead. */
export function notOffered(kept: Article): string[] {
  const fields = kept.syncConflict?.fields ?? []
  return [
    ...(fields.includes('slug') ? ['Both sides changed the address (slug) too; the kept one stays, and the details can change it.'] : []),
    ...(fields.includes('status') ? ['Both sides changed the status too; the kept one stays, and the review workflow can change it.'] : [])
  ]
}
