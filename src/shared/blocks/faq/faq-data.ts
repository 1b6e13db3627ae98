import type { RootContent } from 'mdast'
import { bodyText, type BodyNode } from '../../article/body'
import type { ReadEnv } from '../../export/block-output'

export interface FaqItemData {
  /** One line of plain text: the FAQPage Question.name. */
  question: string
  answer: RootContent[]
  /** The answer as plain text: the FAQPage acceptedAnswer.text. */
  answerText: string
}

export interface FaqData {
  title: string
  items: FaqItemData[]
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Items without a question or an answer are left out (a FAQPage needs both), with a warning. */
export function readFaq(node: BodyNode, env: ReadEnv): FaqData | null {
  const title = typeof node.attrs?.['title'] === 'string' ? oneLine(node.attrs['title']) : 'FAQs'
  const items: FaqItemData[] = []
  for (const item of node.content ?? []) {
    const questionNode = item.content?.find((child) => child.type === 'faqQuestion')
    const answerNodes = item.content?.find((child) => child.type === 'faqAnswer')?.content ?? []
    const question = oneLine(bodyText(questionNode ?? { type: 'faqQuestion' }))
    const answerText = bodyText({ type: 'faqAnswer', content: answerNodes })
    if (!question) {
      env.warn('empty-faq-question', `An FAQ answer without a question was left out${answerText ? ` (“${answerText.slice(0, 60)}”)` : ''}.`)
      continue
    }
    if (!answerText) {
      env.warn('empty-faq-answer', `The FAQ question “${question}” has no answer and was left out.`)
      continue
    }
    items.push({ question, answer: env.mdast(answerNodes), answerText })
  }
  return items.length ? { title, items } : null
}
