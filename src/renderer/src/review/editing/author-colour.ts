/** How many author colours review.css defines (review-author-0 … 5). */
const COLOURS = 6

/** The same author always gets the same colour, in every article and on every computer. */
export function authorColour(author: string): number {
  let hash = 0
  for (const char of author) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return hash % COLOURS
}

export const authorClass = (author: string): string => `review-author-${authorColour(author)}`
