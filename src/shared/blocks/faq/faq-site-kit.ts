import type { KitFile, ProfileName } from '../../export/types'

export const FAQ_COMPONENT = 'src/components/copydesk/CopydeskFaq.astro'
export const FAQ_ITEM_COMPONENT = 'src/components/copydesk/CopydeskFaqItem.astro'

const hugoShortcode = `{{- /*
  Copydesk site kit: one FAQ block, read from the page's \`faq\` front matter.
  The block with index 0 also writes the page's only FAQPage JSON-LD, merging
  every block (two FAQPage objects on one page would compete).
*/ -}}
{{- $index := int (.Get "index") -}}
{{- $blocks := .Page.Params.faq | default slice -}}
{{- if lt $index (len $blocks) }}
{{- with index $blocks $index }}
<section class="copydesk-faq">
{{- with .title }}
<h2>{{ . }}</h2>
{{- end }}
{{- range .items }}
<div class="copydesk-faq-item">
<h3 class="copydesk-faq-question">{{ .question }}</h3>
<div class="copydesk-faq-answer">{{ .answer | $.Page.RenderString (dict "display" "block") }}</div>
</div>
{{- end }}
</section>
{{- end }}
{{- end }}
{{- if eq $index 0 }}
{{- $questions := slice }}
{{- range $blocks }}{{ range .items }}
{{- $questions = $questions | append (dict "@type" "Question" "name" .question "acceptedAnswer" (dict "@type" "Answer" "text" .answer_text)) }}
{{- end }}{{ end }}
{{- /* jsonify escapes <, > and & as \\u sequences, so no text can end the script early. */}}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "FAQPage" "mainEntity" $questions | jsonify | safeJS }}</script>
{{- end }}
`

/**
 * Liquid's jsonify leaves `<`, `>` and `&` as they are; these turn them into
 * JSON \u escapes the HTML parser ignores. The backslash comes from a capture
 * because Liquid engines disagree on escapes inside string literals.
 */
const liquidScriptSafe = ['<', '>', '&', '\u2028', '\u2029']
  .map((char) => ` | replace: "${char}", copydesk_u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('')
const liquidEscapes = ['<', '>', '&', '\u2028', '\u2029']
  .map((char) => {
    const code = char.charCodeAt(0).toString(16).padStart(4, '0')
    return `{%- assign copydesk_u${code} = copydesk_backslash | append: "u${code}" -%}`
  })
  .join('\n')

const jekyllInclude = `{%- comment -%}
  Copydesk site kit: one FAQ block, read from the page's \`faq\` front matter.
  The block with index 0 also writes the page's only FAQPage JSON-LD, merging
  every block (two FAQPage objects on one page would compete).
{%- endcomment -%}
{%- assign copydesk_faq = page.faq[include.index] -%}
{%- if copydesk_faq %}
<section class="copydesk-faq">
{%- if copydesk_faq.title and copydesk_faq.title != "" %}
<h2>{{ copydesk_faq.title | escape }}</h2>
{%- endif %}
{%- for item in copydesk_faq.items %}
<div class="copydesk-faq-item">
<h3 class="copydesk-faq-question">{{ item.question | escape }}</h3>
<div class="copydesk-faq-answer">{{ item.answer | markdownify }}</div>
</div>
{%- endfor %}
</section>
{%- endif %}
{%- if include.index == 0 %}
{%- capture copydesk_backslash %}\\{% endcapture -%}
${liquidEscapes}
<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
{%- assign copydesk_separator = "" -%}
{%- for block in page.faq -%}{%- for item in block.items -%}
{{ copydesk_separator }}{"@type":"Question","name":{{ item.question | jsonify${liquidScriptSafe} }},"acceptedAnswer":{"@type":"Answer","text":{{ item.answer_text | jsonify${liquidScriptSafe} }}}}
{%- assign copydesk_separator = "," -%}
{%- endfor -%}{%- endfor -%}
]}</script>
{%- endif %}
`

const astroFaq = `---
/*
 * Copydesk site kit: one FAQ block; its answers come as Markdown children.
 * The block with index 0 also writes the page's only FAQPage JSON-LD from the
 * \`faq\` front matter, merging every block.
 */
interface FaqItem {
  question: string
  answer_text: string
}
interface Props {
  title: string
  index: number
  faq?: { items: FaqItem[] }[]
}
const { title, index, faq = [] } = Astro.props
const questions = faq
  .flatMap((block) => block.items)
  .map((item) => ({ '@type': 'Question', name: item.question, acceptedAnswer: { '@type': 'Answer', text: item.answer_text } }))
// \\u escapes read the same to JSON parsers, and leave the HTML parser no \`<\` to end the script on.
const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: questions }).replace(
  /[<>&\\u2028\\u2029]/g,
  (char) => '\\\\u' + char.charCodeAt(0).toString(16).padStart(4, '0')
)
---

<section class="copydesk-faq">
  {title && <h2>{title}</h2>}
  <slot />
</section>
{index === 0 && questions.length > 0 && <script is:inline type="application/ld+json" set:html={jsonLd} />}
`

const astroFaqItem = `---
// Copydesk site kit: one question of an FAQ block; the answer is the Markdown inside.
interface Props {
  question: string
}
const { question } = Astro.props
---

<div class="copydesk-faq-item">
  <h3 class="copydesk-faq-question">{question}</h3>
  <div class="copydesk-faq-answer"><slot /></div>
</div>
`

export const faqSiteKit: Partial<Record<ProfileName, KitFile[]>> = {
  hugo: [{ path: 'layouts/shortcodes/copydesk-faq.html', content: hugoShortcode }],
  jekyll: [{ path: '_includes/copydesk/faq.html', content: jekyllInclude }],
  astro: [
    { path: FAQ_COMPONENT, content: astroFaq },
    { path: FAQ_ITEM_COMPONENT, content: astroFaqItem }
  ]
}
