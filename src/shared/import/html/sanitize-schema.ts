import { defaultSchema, type Options } from 'rehype-sanitize'

/**
 * GitHub's schema, with three changes. Elements whose text must never become
 * article text (scripts, styles, frames, forms, navigation) are removed with
 * their content instead of unwrapped. The FAQ markup Copydesk itself writes
 * keeps the attributes that mark it. And link and image addresses are left to
 * the converter, which judges every format's URLs with isSafeLinkUrl, so an
 * unsafe link is reported the same way wherever it came from.
 */
export const importSanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'article', 'main', 'figure', 'figcaption', 'u', 'mark', 'cite', 'abbr', 'small', 'time'],
  strip: [
    'script', 'style', 'noscript', 'template', 'title', 'head',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video',
    'form', 'button', 'select', 'textarea', 'nav', 'dialog'
  ],
  attributes: {
    ...defaultSchema.attributes,
    section: ['dataType', 'title', ['className', 'copydesk-faq']],
    div: ['dataType', ['className', 'copydesk-faq-item', 'copydesk-faq-question', 'copydesk-faq-answer']],
    h2: [['className', 'copydesk-faq-question']],
    h3: [['className', 'copydesk-faq-question']],
    h4: [['className', 'copydesk-faq-question']]
  },
  protocols: {},
  clobber: []
}
