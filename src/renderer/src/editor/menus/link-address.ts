import { isSafeLinkUrl } from '../../../../shared/article/urls'

export type LinkAddress = { href: string } | { error: string }

/**
 * Reads what a writer typed as a link target. Bare domains and email
 * addresses get their scheme; anything that could run code is refused.
 */
export function readLinkAddress(typed: string): LinkAddress {
  const raw = typed.trim()
  if (raw === '') return { error: 'Type the address the link should go to.' }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]
  if (!scheme && /^[^\s/@#?]+@[^\s/@]+\.[a-z]{2,}$/i.test(raw)) return { href: `mailto:${raw}` }
  if (!scheme && /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/:?#]|$)/i.test(raw)) return { href: `https://${raw}` }
  // isSafeLinkUrl also sees through schemes hidden by tabs or control characters.
  if (!isSafeLinkUrl(raw)) {
    return {
      error: `“${scheme ? `${scheme}:` : raw}” addresses are refused: links may only go to web pages (https://…), email (mailto:…) or phone numbers (tel:…).`
    }
  }
  return { href: raw }
}
