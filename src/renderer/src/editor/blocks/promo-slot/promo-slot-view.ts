import { NodeView, type NodeViewRendererProps } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { X } from 'lucide-react'
import { createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { promoState, type Promo } from '../../../../../shared/article/promo'
import type { PromoWithUsage } from '../../../../../shared/library-api'
import type { LiveValue } from '../../../lib/live-value'
import { formatDay, localDay } from '../../../promos/today'
import type { EditorServices } from '../../editor-services'
import { markBlockControls } from '../block-controls'
import { domButton } from '../dom-button'
import { drawIcon } from '../dom-icon'
import { PromoPicker } from './PromoPicker'

const removeIcon = drawIcon(X)

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag)
  made.className = className
  if (text !== undefined) made.textContent = text
  return made
}

/** The promo as the export shows it; its call to action is a plain link line, not a button. */
function preview(promo: Promo): HTMLElement {
  const box = element('div', 'promo-preview')
  box.append(element('span', 'promo-preview-label', promo.label), element('strong', 'promo-preview-headline', promo.headline))
  if (promo.text) box.append(element('p', 'promo-preview-text', promo.text))
  box.append(element('span', 'promo-preview-cta', promo.cta))
  if (promo.sponsor) box.append(element('span', 'promo-preview-sponsor', promo.sponsor))
  return box
}

function warningFor(promoId: string | null, promo: Promo | undefined, loaded: boolean): string | null {
  if (promoId === null) return 'No promo chosen yet: pick one for this slot.'
  if (!promo) return loaded ? 'The promo this slot shows no longer exists. Choose another one or remove the slot.' : null
  const state = promoState(promo, localDay())
  if (state === 'expired') return `This promo ended on ${formatDay(promo.activeUntil ?? '')} and will not run. Choose another one or remove the slot.`
  if (state === 'scheduled') return `This promo starts on ${formatDay(promo.activeFrom ?? '')}; until then readers will not see it.`
  return null
}

/**
 * A placement of a promo: a live preview, warnings when it cannot run, and a
 * picker to change it. Drawn without React, like the FAQ views: an article
 * holds several slots, and each React node view is a portal that listens for
 * every event type. The picker, open while choosing, is React in a root of its own.
 */
export class PromoSlotView extends NodeView<null> {
  private readonly root = element('aside', 'promo-slot')
  private readonly header = element('header', 'block-header')
  private readonly name = element('span', 'promo-slot-name')
  private readonly choose: HTMLButtonElement
  private readonly stopFollowing: () => void
  private picking: boolean
  private picker: { host: HTMLElement; root: Root } | null = null
  /** The warning and preview on show, and what they were drawn from. */
  private drawn: { parts: HTMLElement[]; key: unknown[] } = { parts: [], key: [] }

  constructor(
    props: NodeViewRendererProps,
    private readonly services: LiveValue<EditorServices | null>
  ) {
    super(null, props)
    this.picking = this.promoId === null
    markBlockControls(this.root)
    const kind = element('span', 'block-kind', 'Promo')
    kind.dataset['dragHandle'] = ''
    this.choose = domButton({ className: 'ghost', first: true, onClick: () => this.openPicker() })
    const remove = domButton({ className: 'ghost block-remove', label: 'Remove promo slot', title: 'Remove promo slot', icon: removeIcon, first: false, onClick: () => this.deleteNode() })
    this.header.append(kind, this.name, this.choose, remove)
    this.root.append(this.header)
    this.root.addEventListener('dragstart', (event) => this.onDragStart(event))
    this.stopFollowing = services.subscribe(() => this.show())
    this.show()
  }

  override get dom(): HTMLElement {
    return this.root
  }

  /** The picker's search box and buttons keep their events; drags and drops go to the editor. */
  override stopEvent(event: Event): boolean {
    const target = event.target as HTMLElement | null
    return !event.type.startsWith('drag') && event.type !== 'drop' && !!target?.closest('button, input, .promo-picker')
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    this.show()
    return true
  }

  destroy(): void {
    this.stopFollowing()
    this.closePicker()
  }

  private get promoId(): string | null {
    return (this.node.attrs['promoId'] as string | null) ?? null
  }

  private show(): void {
    const promos = this.services.get()?.promos ?? null
    const { promoId } = this
    const promo = promos?.find((entry) => entry.promo.id === promoId)?.promo
    this.root.setAttribute('aria-label', `Promo slot: ${promo?.name ?? 'no promo'}`)
    this.name.textContent = promo?.name ?? ''
    this.choose.textContent = promoId === null ? 'Choose promo' : 'Change promo'
    const warning = warningFor(promoId, promo, promos !== null)
    const key = [warning, promo]
    if (key.some((part, i) => part !== this.drawn.key[i])) {
      for (const part of this.drawn.parts) part.remove()
      const parts: HTMLElement[] = []
      if (warning) {
        const note = element('p', 'block-warning', warning)
        note.setAttribute('role', 'status')
        parts.push(note)
      }
      if (promo) parts.push(preview(promo))
      this.header.after(...parts)
      this.drawn = { parts, key }
    }
    if (this.picking) this.drawPicker(promos, promoId)
    else this.closePicker()
  }

  private openPicker(): void {
    this.services.get()?.refreshPromos()
    this.picking = true
    this.show()
  }

  private drawPicker(promos: PromoWithUsage[] | null, currentId: string | null): void {
    if (!this.picker) {
      const host = document.createElement('div')
      this.root.append(host)
      this.picker = { host, root: createRoot(host) }
    }
    const stop = (): void => {
      this.picking = false
      this.show()
    }
    const onPick = (id: string): void => {
      this.picking = false
      this.updateAttributes({ promoId: id })
      this.show()
    }
    this.picker.root.render(createElement(PromoPicker, { promos, currentId, onPick, onCancel: stop }))
  }

  private closePicker(): void {
    if (!this.picker) return
    const { host, root } = this.picker
    this.picker = null
    host.remove()
    // Not during the picker's own event or a render of the editor: React unmounts a root outside its work.
    queueMicrotask(() => root.unmount())
  }
}
