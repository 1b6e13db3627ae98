/** The same word boundaries as minisearch's default tokenizer, which this index replaced. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u

// Words that match almost every article: leaving them out keeps the index a good deal smaller and ranking sharper.
const stopWords = new Set(
  'a an and are as at be but by for from has have i in is it its of on or our so that the their them then there these they this to was we were what when which who will with you your'.split(' ')
)

/** The index terms of `text`, in order: lower-case words, stop words left out. */
export const indexTerms = (text: string): string[] => text.toLowerCase().split(SPACE_OR_PUNCTUATION).filter((term) => term !== '' && !stopWords.has(term))

/** The distinct index terms of a query, in the order typed. */
export const queryTerms = (query: string): string[] => [...new Set(indexTerms(query))]
