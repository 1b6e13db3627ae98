import type { MarkdownEnv } from '../../export/block-output'
import { mdxExpression } from '../../export/markdown/mdx'
import { FAQ_COMPONENT, FAQ_ITEM_COMPONENT } from './faq-site-kit'
import type { FaqData } from './faq-data'

/**
 * Hugo and Jekyll render the block from the `faq` front matter (their
 * templates turn the answer's Markdown into HTML); MDX has no such function,
 * so Astro gets the answers as Markdown children of the components.
 */
export function faqMarkdown(faq: FaqData, index: number, env: MarkdownEnv): string | null {
  switch (env.profile) {
    case 'hugo':
      return `{{< copydesk-faq index="${index}" >}}`
    case 'jekyll':
      return `{% include copydesk/faq.html index=${index} %}`
    case 'astro': {
      const list = env.component('CopydeskFaq', FAQ_COMPONENT)
      const item = env.component('CopydeskFaqItem', FAQ_ITEM_COMPONENT)
      const items = faq.items.map(
        (entry) => `<${item} question=${mdxExpression(entry.question)}>\n\n${env.markdown(entry.answer)}\n\n</${item}>`
      )
      return [`<${list} title=${mdxExpression(faq.title)} index={${index}} faq={frontmatter.faq}>`, ...items, `</${list}>`].join('\n')
    }
    case 'plain':
      return null
  }
}

/** The FAQ as data: the site kits render it and build the page's one FAQPage JSON-LD from it. */
export function faqFrontMatter(blocks: readonly FaqData[], markdown: MarkdownEnv['markdown']): Record<string, unknown> {
  return {
    faq: blocks.map((block) => ({
      title: block.title,
      items: block.items.map((item) => ({ question: item.question, answer: markdown(item.answer), answer_text: item.answerText }))
    }))
  }
}
