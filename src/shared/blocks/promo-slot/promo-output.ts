import { defineBlockOutput } from '../../export/block-output'
import { promoHtml } from './promo-html'
import { promoFrontMatter, promoMarkdown } from './promo-markdown'
import { readPromoSlot } from './promo-data'
import { promoSiteKit } from './promo-site-kit'

export const promoSlotOutput = defineBlockOutput({
  node: 'promoSlot',
  read: readPromoSlot,
  html: promoHtml,
  markdown: promoMarkdown,
  frontMatter: promoFrontMatter,
  siteKit: promoSiteKit
})
