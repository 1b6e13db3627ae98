import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source

export interface Violation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * The rules whose answer depends on colours: all that can change when only the theme's colours do
 * (the dark theme sets colour properties and nothing else).
 */
export const COLOUR_RULES: readonly string[] = ['color-contrast', 'link-in-text-block']

/**
 * Runs axe-core in the page as it is now (every rule, or only `rules`) and returns its serious and critical
 * violations. The source is evaluated through the DevTools protocol, which the
 * window's Content-Security-Policy does not govern, so the policy stays as shipped.
 */
export async function seriousViolations(page: Page, rules?: readonly string[]): Promise<Violation[]> {
  // Once per page load: compiling axe's half a megabyte again for every view of the same page cost as much as a run.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const found = await page.evaluate(async (only) => {
    type Node = { target: string[]; any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[] }
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] }> } }).axe
    const results = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) })
    // A contrast failure names its colours, so the report says what to change.
    const describe = (n: Node): string => {
      const data = n.any[0]?.data
      return data?.fgColor ? `${n.target.join(' ')}: ${data.fgColor} on ${data.bgColor} (${data.contrastRatio})` : n.target.join(' ')
    }
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(describe) }))
  }, rules)
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
