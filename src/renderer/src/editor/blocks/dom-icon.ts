import type { LucideIcon } from 'lucide-react'
import { createElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'

/**
 * A Lucide icon as plain SVG, for views drawn without React, looking exactly
 * like the React toolbar's icons. Call it when a module loads, never while
 * React renders (a node view is made during a render, where flushSync draws
 * nothing); `clone` copies the result for each use.
 */
export function drawIcon(icon: LucideIcon, size = 16): { clone: () => SVGElement } {
  const host = document.createElement('span')
  const root = createRoot(host)
  flushSync(() => root.render(createElement(icon, { size, 'aria-hidden': true })))
  const svg = host.firstElementChild!.cloneNode(true) as SVGElement
  root.unmount()
  return { clone: () => svg.cloneNode(true) as SVGElement }
}
