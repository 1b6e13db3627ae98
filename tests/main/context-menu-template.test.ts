import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { contextMenuTemplate, type ContextMenuParams } from '../../src/main/context-menu-template'

function open(params: Partial<ContextMenuParams>) {
  const replaced: string[] = []
  const added: string[] = []
  const items = contextMenuTemplate(
    { misspelledWord: '', dictionarySuggestions: [], isEditable: true, selectionText: '', ...params },
    { replaceMisspelling: (w) => replaced.push(w), addToDictionary: (w) => added.push(w) }
  )
  const click = (label: string): void => ((items.find((i) => i.label === label) as MenuItemConstructorOptions).click as () => void)()
  return { items, replaced, added, click, labels: items.map((i) => i.label ?? i.role ?? i.type) }
}

describe('context menu', () => {
  it('offers the spellchecker’s suggestions first and replaces the word with the one chosen', () => {
    const menu = open({ misspelledWord: 'Netflx', dictionarySuggestions: ['Netflix', 'Netflex'] })
    expect(menu.labels.slice(0, 3)).toEqual(['Netflix', 'Netflex', 'Add “Netflx” to Dictionary'])
    menu.click('Netflix')
    expect(menu.replaced).toEqual(['Netflix'])
    menu.click('Add “Netflx” to Dictionary')
    expect(menu.added).toEqual(['Netflx'])
    expect(menu.labels).toContain('paste')
  })

  it('says so when the spellchecker has no suggestion', () => {
    const menu = open({ misspelledWord: 'Sarandosx' })
    expect(menu.items[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false })
  })

  it('offers only Copy on read-only text, and nothing on an empty spot', () => {
    expect(open({ isEditable: false, selectionText: 'quote' }).labels).toEqual(['copy'])
    expect(open({ isEditable: false }).items).toEqual([])
  })
})
