import { describe, expect, it } from 'vitest'
import { decideNavigation } from '../../../src/main/security/navigation'
import { appEntryUrl, isAppUrl as isAppPage } from '../../../src/main/security/app-scheme'

const appUrl = appEntryUrl
const isAppUrl = (url: string): boolean => isAppPage(url, null)

describe('navigation guard', () => {
  it('keeps the app page in the window', () => {
    expect(decideNavigation(appUrl, isAppUrl)).toBe('allow')
    expect(decideNavigation(`${appUrl}#faq`, isAppUrl)).toBe('allow')
  })

  it('sends web and mail links to the system browser', () => {
    for (const url of ['https://example.com/a?b=1', 'http://example.com', 'mailto:desk@example.com']) {
      expect(decideNavigation(url, isAppUrl)).toBe('open-external')
    }
  })

  it('blocks everything that could read files or run code', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'file:///opt/Copydesk/resources/app/out/renderer/index.html',
      'copydesk://app/other.html',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'smb://attacker/share',
      'not a url'
    ]) {
      expect(decideNavigation(url, isAppUrl)).toBe('block')
    }
  })
})
