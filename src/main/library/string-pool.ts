/**
 * One copy of each string put through it. Reading the index snapshot makes a
 * fresh string for every author, tag, category and promo id of every entry
 * (V8 shares only strings of up to 10 characters that JSON.parse makes); at
 * 50,000 entries, the copies kept until the whole snapshot was read survived
 * every young-generation collection meanwhile, and were copied by each.
 * Shared as each entry is read, a copy dies young, where it costs nothing.
 */
export class StringPool {
  private readonly seen = new Map<string, string>()

  share(text: string): string {
    const known = this.seen.get(text)
    if (known !== undefined) return known
    this.seen.set(text, text)
    return text
  }

  /**
   * Shares the strings of a list in place. Anything else is left as it is:
   * a row of a snapshot that is not sealed may hold anything until the
   * schema checks it.
   */
  shareEach(list: unknown): void {
    if (!Array.isArray(list)) return
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i]
      if (typeof item === 'string') list[i] = this.share(item)
    }
  }

  shareString<T>(value: T): T {
    return (typeof value === 'string' ? this.share(value) : value) as T
  }
}
