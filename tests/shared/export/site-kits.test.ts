import { describe, expect, it } from 'vitest'
import { exportMarkdown, profileNames, profiles } from '../../../src/shared/export'
import { netflixArticle } from '../../fixtures/netflix'
import { fixtureContext } from './support/body'
import { expectSafe } from './support/safe-path'

describe('site kits', () => {
  it.each(profileNames)('%s: kit files have safe, distinct paths and content', (name) => {
    const kit = profiles[name].siteKit()
    expect(kit.length).toBeGreaterThan(0)
    for (const file of kit) {
      expectSafe(file.path)
      expect(file.content.trim().length).toBeGreaterThan(50)
    }
    expect(new Set(kit.map((file) => file.path)).size).toBe(kit.length)
  })

  it('hugo: every shortcode the export writes has its template in the kit', () => {
    const used = [...exportMarkdown(netflixArticle(), fixtureContext(), 'hugo').content.matchAll(/\{\{< ([\w-]+) /g)].map((match) => match[1])
    const kit = new Set(profiles.hugo.siteKit().map((file) => file.path))
    expect(used.length).toBeGreaterThan(0)
    for (const name of used) expect(kit.has(`layouts/shortcodes/${name}.html`), name).toBe(true)
  })

  it('jekyll: every include the export writes is in the kit', () => {
    const used = [...exportMarkdown(netflixArticle(), fixtureContext(), 'jekyll').content.matchAll(/\{% include ([\w/.-]+) /g)].map((match) => match[1])
    const kit = new Set(profiles.jekyll.siteKit().map((file) => file.path))
    expect(used.length).toBeGreaterThan(0)
    for (const name of used) expect(kit.has(`_includes/${name}`), name).toBe(true)
  })

  it('plain: the kit styles the FAQ and promo markup the export writes', () => {
    const [stylesheet] = profiles.plain.siteKit()
    expect(stylesheet!.path).toBe('copydesk.css')
    for (const className of ['copydesk-faq', 'copydesk-promo', 'copydesk-promo-label']) expect(stylesheet!.content).toContain(`.${className}`)
  })
})
