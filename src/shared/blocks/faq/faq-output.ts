import { defineBlockOutput } from '../../export/block-output'
import { readFaq } from './faq-data'
import { faqHtml, faqPageJsonLd } from './faq-html'
import { faqFrontMatter, faqMarkdown } from './faq-markdown'
import { faqSiteKit } from './faq-site-kit'

export const faqOutput = defineBlockOutput({
  node: 'faq',
  read: readFaq,
  html: faqHtml,
  markdown: faqMarkdown,
  frontMatter: faqFrontMatter,
  jsonLd: faqPageJsonLd,
  siteKit: faqSiteKit
})
