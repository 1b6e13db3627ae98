import type { KitFile, ProfileName } from '../../export/types'

export const PROMO_COMPONENT = 'src/components/copydesk/CopydeskPromo.astro'

const hugoShortcode = `{{- /*
  Copydesk site kit: a promo slot, read from the page's \`promos\` front matter.
  Copydesk leaves out expired or missing promos when it exports.
*/ -}}
{{- with .Page.Params.promos }}{{ with index . ($.Get "id") }}
<aside class="copydesk-promo">
<p class="copydesk-promo-label">{{ .label }}{{ with .sponsor }} · <span class="copydesk-promo-sponsor">{{ . }}</span>{{ end }}</p>
<p class="copydesk-promo-headline"><strong>{{ .headline }}</strong></p>
{{- with .text }}
<p class="copydesk-promo-text">{{ . }}</p>
{{- end }}
<p class="copydesk-promo-cta"><a href="{{ .url }}" rel="sponsored noopener">{{ .cta }}</a></p>
</aside>
{{- end }}{{ end -}}
`

const jekyllInclude = `{%- comment -%}
  Copydesk site kit: a promo slot, read from the page's \`promos\` front matter.
  Copydesk leaves out expired or missing promos when it exports.
{%- endcomment -%}
{%- assign copydesk_promo = page.promos[include.id] -%}
{%- if copydesk_promo %}
<aside class="copydesk-promo">
<p class="copydesk-promo-label">{{ copydesk_promo.label | escape }}{% if copydesk_promo.sponsor and copydesk_promo.sponsor != "" %} · <span class="copydesk-promo-sponsor">{{ copydesk_promo.sponsor | escape }}</span>{% endif %}</p>
<p class="copydesk-promo-headline"><strong>{{ copydesk_promo.headline | escape }}</strong></p>
{%- if copydesk_promo.text and copydesk_promo.text != "" %}
<p class="copydesk-promo-text">{{ copydesk_promo.text | escape }}</p>
{%- endif %}
<p class="copydesk-promo-cta"><a href="{{ copydesk_promo.url | escape }}" rel="sponsored noopener">{{ copydesk_promo.cta | escape }}</a></p>
</aside>
{%- endif %}
`

const astroPromo = `---
// Copydesk site kit: a promo slot. Copydesk leaves out expired or missing promos when it exports.
interface Props {
  promo?: { label: string; headline: string; text: string; url: string; cta: string; sponsor: string }
}
const { promo } = Astro.props
---

{
  promo && (
    <aside class="copydesk-promo">
      <p class="copydesk-promo-label">
        {promo.label}
        {promo.sponsor && (
          <>
            {' · '}
            <span class="copydesk-promo-sponsor">{promo.sponsor}</span>
          </>
        )}
      </p>
      <p class="copydesk-promo-headline">
        <strong>{promo.headline}</strong>
      </p>
      {promo.text && <p class="copydesk-promo-text">{promo.text}</p>}
      <p class="copydesk-promo-cta">
        <a href={promo.url} rel="sponsored noopener">
          {promo.cta}
        </a>
      </p>
    </aside>
  )
}
`

export const promoSiteKit: Partial<Record<ProfileName, KitFile[]>> = {
  hugo: [{ path: 'layouts/shortcodes/copydesk-promo.html', content: hugoShortcode }],
  jekyll: [{ path: '_includes/copydesk/promo.html', content: jekyllInclude }],
  astro: [{ path: PROMO_COMPONENT, content: astroPromo }]
}
