/**
 * Why an example of the CommonMark spec does not come back from import and
 * export exactly as cmark-gfm reads the original, and the warning that tells
 * the writer so. An example listed here that starts holding, or stops giving
 * its warning, fails the corpus test: the list is kept true.
 */
export interface Difference {
  reason: string
  /** What the user is told at import or export. */
  warning: RegExp
}

const reason = (text: string, warning: RegExp): Difference => ({ reason: text, warning })

const h1Shift = reason('an H1 in the body becomes H2 and every heading moves down one level: the title is the article’s only H1', /Headings were moved down one level/)
const plainTitle = reason('the first H1 becomes the title, which is plain text: its emphasis or link is dropped', /was taken from the first heading as plain text/)
const nonWebAutolink = reason('an autolink to a scheme other than web, mail or phone stays text, deliberately', /was turned into plain text/)
const emptyLink = reason('a link with no address or no text has nothing the article can hold', /link (?:without an address|with neither text nor address|to .* with no text)/)
const frontMatter = reason('a file opening with a `---` or `+++` line is read as front matter, as Hugo and Jekyll read it', /front matter/)
const rawHtml = reason('raw HTML is read into the article’s own blocks and marks (or left out), never kept as HTML', /Raw HTML in the Markdown was read|raw HTML element|HTML comment/)

const each = (numbers: number[], difference: Difference): [number, Difference][] => numbers.map((number) => [number, difference])

/** The examples without raw HTML (as `RoundTrip.rawHtml` counts them) that differ, by number. */
export const listedDifferences = new Map<number, Difference>([
  ...each([44, 96, 98], frontMatter),
  ...each([66, 80, 81, 82, 214], plainTitle),
  ...each([68, 76, 78, 79, 83, 84, 141, 215, 227, 228, 229, 230, 232, 300], h1Shift),
  ...each([200, 484, 485, 486, 487, 567], emptyLink),
  ...each([596, 598, 599, 601], nonWebAutolink)
])

const headingOutline = reason(
  'the HTML page’s outline goes at most one level down from the title’s h1 (the Nu checker refuses skipped levels), so a first `###` is an h2 there; the Markdown export keeps the level',
  /heading .* is an H\d in the HTML page/
)

/** The examples whose HTML export differs where their Markdown export holds, by number; the listed Markdown differences apply to the HTML export too. */
export const htmlOnlyDifferences = new Map<number, Difference>([...each([72, 73, 74, 646, 647], headingOutline)])

/**
 * Examples that cmark-gfm 0.29, which implements an older spec, renders
 * unlike commonmark-spec 0.31.2 even as written: their export is held to the
 * spec's own rendering, and cmark-gfm's reading of the original must still
 * differ from it (else they go back to the common rule).
 */
export const olderCmarkExamples = new Set([28, 354])

/** Every example with raw HTML that differs gives this reason; those that hold need none. */
export const rawHtmlDifference = rawHtml

/** A difference on a site generator, and the warning its export gives. */
export interface DialectDifference {
  reason: string
  warning: RegExp
}
const onSite = (text: string, warning: RegExp): DialectDifference => ({ reason: text, warning })
const eachOn = (numbers: number[], difference: DialectDifference): [number, DialectDifference][] => numbers.map((number) => [number, difference])

/** Examples whose export for a site generator reads differently there than the plain export reads in cmark-gfm, by generator. */
export const dialectDifferences: Record<'hugo' | 'jekyll' | 'astro', Map<number, DialectDifference>> = {
  astro: new Map(),
  hugo: new Map([
    ...eachOn([520], onSite('goldmark keeps the backslashes of escaped brackets in an image’s alt text (`\\[foo\\]`); the picture and its address are the same', /image description holding square brackets shows their backslashes on Hugo/))
  ]),
  jekyll: new Map([
    ...eachOn(
      [369, 373, 389, 407, 408, 409, 417, 418, 419, 425, 426, 427, 432, 461, 463, 464, 465, 466, 468],
      onSite('kramdown cannot nest bold in bold or italic in italic: the inner run is written as plain text of the outer', /inside (?:bold|italic) text is written as one .* run for Jekyll/)
    ),
    ...eachOn([126, 130, 144, 237], onSite('kramdown shows an empty code block with one empty line: the page looks the same', /empty code block shows one empty line on Jekyll/)),
    ...eachOn([138, 330, 331, 332, 334, 340], onSite('kramdown reads a code span that starts or ends with a space, or holds a run of backticks, as text with backticks', /Code that starts with a space, or holds two backticks in a row, shows on Jekyll/)),
    ...eachOn([280, 281, 282, 283, 284, 315], onSite('kramdown has no empty list item: a lone `-` is a paragraph, or underlines the line above as a heading', /empty list item shows on Jekyll/)),
    ...eachOn([79], onSite('kramdown has no empty heading: `##` alone is a paragraph', /empty heading shows on Jekyll/)),
    ...eachOn([299], onSite('kramdown does not open a list inside a list item on the item’s own line (`1. - 2. foo`)', /list item that opens with a numbered list not starting at 1 shows on Jekyll as one flat item/)),
    ...eachOn([300], onSite('kramdown makes a paragraph of text after a heading in a tight list item', /Text after a heading in a list item without blank lines/)),
    ...eachOn([301], onSite('kramdown continues a list when the bullet changes from `-` to `*`, where CommonMark starts a new one', /Two bulleted lists one right after the other show on Jekyll as one list/)),
    ...eachOn([321], onSite('kramdown continues a quote in a list item into the code block below it (lazy continuation)', /quote followed by more in a list item .* kramdown continues the quote/))
  ])
}
