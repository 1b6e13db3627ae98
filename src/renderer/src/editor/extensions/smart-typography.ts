import { Extension, textInputRule } from '@tiptap/core'

/**
 * Typographer's punctuation as the writer types: curly quotes, dashes,
 * ellipses, arrows and symbols. Tiptap skips input rules inside code, and
 * Backspace right after a replacement undoes it. Quotes open at the start of
 * a text or after a space or bracket, and close (or are apostrophes) elsewhere.
 */
export const SmartTypography = Extension.create({
  name: 'smartTypography',
  addInputRules() {
    return [
      textInputRule({ find: /(?:^|[\s{[(<'"\u2018\u201C\u2014])(")$/, replace: '“' }),
      textInputRule({ find: /"$/, replace: '”' }),
      textInputRule({ find: /(?:^|[\s{[(<'"\u2018\u201C\u2014])(')$/, replace: '‘' }),
      textInputRule({ find: /'$/, replace: '’' }),
      textInputRule({ find: /--$/, replace: '—' }),
      textInputRule({ find: /\.\.\.$/, replace: '…' }),
      textInputRule({ find: /->$/, replace: '→' }),
      textInputRule({ find: /<-$/, replace: '←' }),
      textInputRule({ find: /\(c\)$/i, replace: '©' }),
      textInputRule({ find: /\(r\)$/i, replace: '®' }),
      textInputRule({ find: /\(tm\)$/i, replace: '™' }),
      textInputRule({ find: /(?:^|\s)(1\/2)\s$/, replace: '½' })
    ]
  }
})
