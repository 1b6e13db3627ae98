import type { Promo } from '../../article/promo'
import type { MarkdownEnv } from '../../export/block-output'
import { PROMO_COMPONENT } from './promo-site-kit'

/**
 * Every profile but plain names the promo by id (lowercase letters, digits and
 * hyphens: readPromoSlot checks it) and its fields travel in the `promos` front matter.
 */
export function promoMarkdown(promo: Promo, _index: number, env: MarkdownEnv): string | null {
  switch (env.profile) {
    case 'hugo':
      return `{{< copydesk-promo id="${promo.id}" >}}`
    case 'jekyll':
      return `{% include copydesk/promo.html id="${promo.id}" %}`
    case 'astro':
      return `<${env.component('CopydeskPromo', PROMO_COMPONENT)} promo={frontmatter.promos["${promo.id}"]} />`
    case 'plain':
      return null
  }
}

/** Only what readers see: internal names and schedules stay in the library. */
export function promoFrontMatter(promos: readonly Promo[]): Record<string, unknown> {
  const byId: Record<string, unknown> = {}
  for (const promo of promos) {
    byId[promo.id] ??= { label: promo.label, headline: promo.headline, text: promo.text, url: promo.url, cta: promo.cta, sponsor: promo.sponsor }
  }
  return { promos: byId }
}
