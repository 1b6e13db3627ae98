/** The same word boundaries as minisearch's default tokenizer, which this index replaced: one code point of these splits words. */
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u

// Words that match almost every article: leaving them out keeps the index a good deal smaller and ranking sharper.
const STOP_WORDS = 'a an and are as at be but by for from has have i in is it its of on or our so that the their them then there these they this to was we were what when which who will with you your'.split(' ')
const stopWords = new Set(STOP_WORDS)

/** FNV-1a over UTF-16 code units, as `eachTerm` computes it while it scans: a word's hash costs no string. */
const SEED = 0x811c9dc5
const mix = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193)

/** The hash `eachTerm` gives `word`. */
export function termHash(word: string): number {
  let hash = SEED
  for (let i = 0; i < word.length; i++) hash = mix(hash, word.charCodeAt(i))
  return finish(hash)
}

/** Spreads FNV's last letters over every bit: hash tables take the low bits, which FNV leaves poorly mixed. */
function finish(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}

const stopHashes = new Set(STOP_WORDS.map(termHash))
const LONGEST_STOP_WORD = Math.max(...STOP_WORDS.map((word) => word.length))

/**
 * Per UTF-16 code unit, whether it splits words; filled on first use (a few
 * milliseconds), so that scanning asks a table instead of a Unicode regex
 * per character. Surrogates are 0: a pair is looked up as the code point.
 */
let separators: Uint8Array | null = null
function separatorTable(): Uint8Array {
  if (!separators) {
    separators = new Uint8Array(0x10000)
    for (let unit = 0; unit < 0x10000; unit++) if ((unit < 0xd800 || unit > 0xdfff) && SEPARATOR.test(String.fromCharCode(unit))) separators[unit] = 1
  }
  return separators
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff

/**
 * Calls `visit` with where each index term of `lowered` (text already in
 * lower case) starts and ends, and its hash, in order, stop words left out:
 * the words `split` on the separators would give, without making a string of
 * each. Building the first index of a big library is mostly this, and a
 * string per word (then hashed again to find its number) cost over half of it.
 */
export function eachTerm(lowered: string, visit: (start: number, end: number, hash: number) => void): void {
  const table = separatorTable()
  let start = -1
  let hash = SEED
  for (let i = 0; i <= lowered.length; i++) {
    const unit = i < lowered.length ? lowered.charCodeAt(i) : 0x20
    let width = 1
    let separator = table[unit] === 1
    if (isHighSurrogate(unit) && i + 1 < lowered.length && isLowSurrogate(lowered.charCodeAt(i + 1))) {
      width = 2
      separator = SEPARATOR.test(lowered.slice(i, i + 2))
    }
    if (!separator) {
      if (start < 0) {
        start = i
        hash = SEED
      }
      hash = mix(hash, unit)
      if (width === 2) hash = mix(hash, lowered.charCodeAt(i + 1))
    } else if (start >= 0) {
      const finished = finish(hash)
      if (!isStopWord(lowered, start, i, finished)) visit(start, i, finished)
      start = -1
    }
    // A surrogate pair is one letter or one separator.
    i += width - 1
  }
}

/** Only a word that hashes like a stop word is made a string, to be sure. */
const isStopWord = (lowered: string, start: number, end: number, hash: number): boolean =>
  end - start <= LONGEST_STOP_WORD && stopHashes.has(hash) && stopWords.has(lowered.slice(start, end))

/** The index terms of `text`, in order: lower-case words, stop words left out. */
export function indexTerms(text: string): string[] {
  const lowered = text.toLowerCase()
  const terms: string[] = []
  eachTerm(lowered, (start, end) => terms.push(lowered.slice(start, end)))
  return terms
}

/** The distinct index terms of a query, in the order typed. */
export const queryTerms = (query: string): string[] => [...new Set(indexTerms(query))]
