import type { LucideIcon } from 'lucide-react'
import { createElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'

/**
 * A Lucide icon as plain SVG, for views drawn without React, looking exactly
 * like the React toolbar's icons. Call it when a module loads: a node view is
 * made during a React render, where flushSync draws nothing. Outside a window
 * (the schema checks read the editor's extensions in Node) there is no
 * document to draw in, and nothing is drawn until first used. `clone` copies
 * the result for each use.
 */
export function drawIcon(icon: LucideIcon, size = 16): { clone: () => SVGElement } {
  const draw = (): SVGElement => {
    const host = document.createElement('span')
    const root = createRoot(host)
    flushSync(() => root.render(createElement(icon, { size, 'aria-hidden': true })))
    const svg = host.firstElementChild!.cloneNode(true) as SVGElement
    root.unmount()
    return svg
  }
  let svg = typeof document === 'undefined' ? undefined : draw()
  return { clone: () => (svg ??= draw()).cloneNode(true) as SVGElement }
}
