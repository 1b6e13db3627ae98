import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Promo } from '../../article/promo'

const nl = { type: 'text', value: '\n' } as const

/** Labelled as paid content and linked with rel="sponsored", as search engines ask of paid links. */
export function promoHtml(promo: Promo): ElementContent[] {
  const sponsor = promo.sponsor.trim() ? [' · ', h('span', { className: ['copydesk-promo-sponsor'] }, promo.sponsor)] : []
  const text = promo.text.trim() ? [nl, h('p', { className: ['copydesk-promo-text'] }, promo.text)] : []
  return [
    h('aside', { className: ['copydesk-promo'] }, [
      nl,
      h('p', { className: ['copydesk-promo-label'] }, [promo.label, ...sponsor]),
      nl,
      h('p', { className: ['copydesk-promo-headline'] }, [h('strong', promo.headline)]),
      ...text,
      nl,
      h('p', { className: ['copydesk-promo-cta'] }, [h('a', { href: promo.url, rel: ['sponsored', 'noopener'] }, promo.cta)]),
      nl
    ])
  ]
}
