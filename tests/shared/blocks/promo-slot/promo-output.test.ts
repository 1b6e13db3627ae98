import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exportHtml, exportMarkdown, profiles } from '../../../../src/shared/export'
import { hostingPromo } from '../../../fixtures/netflix'
import { articleWith, fixtureContext, promoSlot } from '../../export/support/body'
import { byClass, byTag, parseDocument, textOf } from '../../export/support/hast-query'

const ctx = fixtureContext()
const promo = hostingPromo()

describe('promo slot block', () => {
  describe('reading', () => {
    it('resolves the slot to the library’s promo running on the export day, else leaves it out with a warning', () => {
      const cases = [
        [fixtureContext(), []],
        [fixtureContext({ today: promo.activeFrom! }), []],
        [fixtureContext({ today: '2031-01-01' }), ['expired-promo']],
        [fixtureContext({ promos: [] }), ['missing-promo']],
        [fixtureContext({ promos: [{ ...promo, activeFrom: null, activeUntil: null }] }), []]
      ] as const
      for (const [context, kinds] of cases) {
        const { content, warnings } = exportHtml(articleWith([promoSlot(promo.id)]), context, { fragment: true })
        expect(warnings.map((warning) => warning.kind)).toEqual(kinds)
        expect(byClass(parseDocument(content, true), 'copydesk-promo')).toHaveLength(kinds.length ? 0 : 1)
      }
    })
  })

  describe('HTML', () => {
    it('shows the disclosure label, headline, text and a sponsored call to action, all escaped', () => {
      const hostile = { ...promo, label: 'Paid <b>', headline: '"Deal" & <i>more</i>', text: '</aside><script>x</script>', cta: 'Go >' }
      const { content } = exportHtml(articleWith([promoSlot(promo.id)]), fixtureContext({ promos: [hostile] }), { fragment: true })
      const [aside] = byClass(parseDocument(content, true), 'copydesk-promo')
      expect(byTag(aside!, 'script')).toHaveLength(0)
      expect(textOf(byClass(aside!, 'copydesk-promo-label')[0]!)).toBe('Paid <b> · Example Hosting')
      expect(textOf(byClass(aside!, 'copydesk-promo-headline')[0]!)).toBe('"Deal" & <i>more</i>')
      expect(textOf(byClass(aside!, 'copydesk-promo-text')[0]!)).toBe('</aside><script>x</script>')
      const [a] = byTag(aside!, 'a')
      expect([a!.properties['href'], a!.properties['rel'], textOf(a!)]).toEqual([promo.url, ['sponsored', 'noopener'], 'Go >'])
    })
  })

  describe('Markdown', () => {
    it.each([
      ['hugo', `{{< copydesk-promo id="${promo.id}" >}}`],
      ['jekyll', `{% include copydesk/promo.html id="${promo.id}" %}`],
      ['astro', `<CopydeskPromo promo={frontmatter.promos["${promo.id}"]} />`],
      ['plain', '<aside class="copydesk-promo">']
    ] as const)('%s writes the slot as %s', (profile, syntax) => {
      expect(exportMarkdown(articleWith([promoSlot(promo.id)]), ctx, profile).content).toContain(`\n${syntax}\n`)
    })

    it.each(['hugo', 'jekyll', 'astro'] as const)('%s carries only what readers see in the front matter', (profile) => {
      const content = exportMarkdown(articleWith([promoSlot(promo.id), promoSlot(promo.id)]), ctx, profile).content
      const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(content)![1]!) as { promos: Record<string, Record<string, string>> }
      expect(data.promos).toEqual({ [promo.id]: { label: promo.label, headline: promo.headline, text: promo.text, url: promo.url, cta: promo.cta, sponsor: promo.sponsor } })
    })
  })

  describe('site kit', () => {
    it.each(['hugo', 'jekyll', 'astro'] as const)('%s has a template reading the front matter the export writes', (profile) => {
      const kit = profiles[profile].siteKit().filter((file) => /promo/i.test(file.path))
      expect(kit).toHaveLength(1)
      for (const field of ['promos', 'label', 'headline', 'cta', 'sponsored noopener', 'copydesk-promo']) expect(kit[0]!.content).toContain(field)
    })
  })
})
