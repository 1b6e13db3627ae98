import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import type { HtmlEnv } from '../../export/block-output'
import type { FaqData } from './faq-data'

const nl = { type: 'text', value: '\n' } as const

/** Questions and answers stay visible: search engines only credit FAQ markup readers can see. */
export function faqHtml(faq: FaqData, env: HtmlEnv): ElementContent[] {
  const items = faq.items.flatMap((item) => [
    nl,
    h('div', { className: ['copydesk-faq-item'] }, [
      h('h3', { className: ['copydesk-faq-question'] }, item.question),
      h('div', { className: ['copydesk-faq-answer'] }, env.hast(item.answer))
    ])
  ])
  const heading = faq.title ? [nl, h('h2', faq.title)] : []
  return [h('section', { className: ['copydesk-faq'] }, [...heading, ...items, nl])]
}

/** One FAQPage for the whole page, whatever the number of FAQ blocks: two would compete. */
export function faqPageJsonLd(blocks: readonly FaqData[]): Record<string, unknown> | null {
  const items = blocks.flatMap((block) => block.items)
  if (!items.length) return null
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answerText }
    }))
  }
}
