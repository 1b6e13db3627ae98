/**
 * The review workflow's statuses, apart from the article schema so that code listing them
 * (the CLI's help above all) does not load the schema library.
 */
export const articleStatuses = ['draft', 'in-review', 'changes-requested', 'approved', 'published'] as const
export type ArticleStatus = (typeof articleStatuses)[number]
export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  published: 'Published'
}

export const isArticleStatus = (value: string): value is ArticleStatus => (articleStatuses as readonly string[]).includes(value)
