import { describe, expect, it } from 'vitest'
import { isSafeLinkUrl, isWebUrl } from '../../../src/shared/article/urls'

describe('link safety', () => {
  it('accepts web, mail, phone and relative links', () => {
    for (const url of ['https://example.com/a?b=1#c', 'http://x.test', 'mailto:desk@example.com', 'tel:+4412345', '/about', '#faq', 'other-post/', 'image.jpg']) {
      expect(isSafeLinkUrl(url)).toBe(true)
    }
  })

  it('refuses schemes that run code, however they are disguised', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0000javascript:x', 'vbscript:msgbox', 'data:text/html,<script>', 'file:///etc/passwd', '']) {
      expect(isSafeLinkUrl(url)).toBe(false)
    }
  })

  it('takes only http(s) addresses as web URLs', () => {
    expect(isWebUrl('https://hosting.example.com/deal?ref=x')).toBe(true)
    expect(isWebUrl('http://localhost:8080/')).toBe(true)
    for (const url of ['javascript:alert(1)', 'ftp://x.test', 'https://', 'example.com', 'https://a b.test']) expect(isWebUrl(url)).toBe(false)
  })
})
