import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../src/shared/ipc/contract'
import type { Theme } from '../../src/shared/settings'
import { menuTemplate } from '../../src/main/menu-template'
import { accelerator, collisions, shortcuts } from '../../src/shared/shortcuts'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function setup(theme: Theme = 'system', dark = false) {
  const sent: MenuCommand[] = []
  const themes: Theme[] = []
  const items = flatten(
    menuTemplate(
      { send: (c) => sent.push(c), setTheme: (t) => themes.push(t), currentTheme: () => theme, isDark: () => dark },
      'linux',
      false
    )
  )
  const byLabel = (label: string): MenuItemConstructorOptions => {
    const item = items.find((i) => i.label === label)
    if (!item) throw new Error(`no menu item ${label}`)
    return item
  }
  const click = (label: string): void => (byLabel(label).click as () => void)()
  return { items, sent, themes, byLabel, click }
}

describe('application menu', () => {
  it('offers the usual accelerators and forwards document commands to the renderer', () => {
    const menu = setup()
    const expected: [string, string, MenuCommand][] = [
      ['New Article', 'CmdOrCtrl+N', 'new-article'],
      ['Open Library…', 'CmdOrCtrl+O', 'open-library'],
      ['Save', 'CmdOrCtrl+S', 'save'],
      ['Export as HTML…', 'CmdOrCtrl+Shift+E', 'export-html'],
      ['Export as Markdown…', 'CmdOrCtrl+Shift+M', 'export-markdown'],
      ['Export to Site…', 'CmdOrCtrl+Alt+E', 'export-site'],
      ['Find and Replace…', 'CmdOrCtrl+F', 'find'],
      ['Show or Hide Library', 'CmdOrCtrl+Shift+L', 'toggle-library'],
      ['Show or Hide Details', 'CmdOrCtrl+Shift+K', 'toggle-details'],
      ['Focus Mode', 'CmdOrCtrl+Shift+F', 'focus-mode'],
      ['Keyboard Shortcuts', 'CmdOrCtrl+/', 'show-shortcuts']
    ]
    for (const [label, accelerator, command] of expected) {
      expect(menu.byLabel(label).accelerator).toBe(accelerator)
      menu.click(label)
      expect(menu.sent.at(-1)).toBe(command)
    }
    const accelerators = menu.items.map((i) => i.accelerator).filter(Boolean)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('takes no key the editor uses: Ctrl+E stays inline code, and no two commands share keys', () => {
    const menu = setup()
    const taken = new Set(menu.items.map((i) => i.accelerator).filter(Boolean))
    for (const id of ['bold', 'italic', 'strike', 'code', 'link', 'comment', 'suggest', 'paragraph', 'heading2', 'blockquote'] as const) {
      expect(taken.has(accelerator(shortcuts[id].keys))).toBe(false)
    }
    expect(collisions()).toEqual([])
  })

  it('uses the platform roles for undo, redo, clipboard and zoom', () => {
    const roles = setup().items.map((i) => i.role)
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']) {
      expect(roles).toContain(role)
    }
    expect(roles).not.toContain('toggleDevTools')
  })

  it('toggles dark mode from whatever the window shows now, and marks the chosen theme', () => {
    const light = setup('system', false)
    light.click('Toggle Dark Mode')
    expect(light.themes).toEqual(['dark'])
    const dark = setup('dark', true)
    dark.click('Toggle Dark Mode')
    expect(dark.themes).toEqual(['light'])
    expect(dark.byLabel('Dark').checked).toBe(true)
    expect(dark.byLabel('Follow System').checked).toBe(false)
  })
})
