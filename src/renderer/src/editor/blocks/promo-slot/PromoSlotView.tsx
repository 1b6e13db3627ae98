import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { X } from 'lucide-react'
import { useState } from 'react'
import { promoState, type Promo } from '../../../../../shared/article/promo'
import { formatDay, localDay } from '../../../promos/today'
import { useEditorServices } from '../../editor-services'
import { blockControlsProps, controlProps } from '../block-controls'
import { PromoPicker } from './PromoPicker'

function PromoPreview({ promo }: { promo: Promo }): React.JSX.Element {
  return (
    <div className="promo-preview">
      <span className="promo-preview-label">{promo.label}</span>
      <strong className="promo-preview-headline">{promo.headline}</strong>
      {promo.text && <p className="promo-preview-text">{promo.text}</p>}
      {/* As the export shows it: a plain link line, not a button. */}
      <span className="promo-preview-cta">{promo.cta}</span>
      {promo.sponsor && <span className="promo-preview-sponsor">{promo.sponsor}</span>}
    </div>
  )
}

function warningFor(promoId: string | null, promo: Promo | undefined, loaded: boolean): string | null {
  if (promoId === null) return 'No promo chosen yet: pick one for this slot.'
  if (!promo) return loaded ? 'The promo this slot shows no longer exists. Choose another one or remove the slot.' : null
  const state = promoState(promo, localDay())
  if (state === 'expired') return `This promo ended on ${formatDay(promo.activeUntil ?? '')} and will not run. Choose another one or remove the slot.`
  if (state === 'scheduled') return `This promo starts on ${formatDay(promo.activeFrom ?? '')}; until then readers will not see it.`
  return null
}

/** A placement of a promo: a live preview, warnings when it cannot run, and a picker to change it. */
export function PromoSlotView({ node, updateAttributes, deleteNode }: ReactNodeViewProps): React.JSX.Element {
  const { promos, refreshPromos } = useEditorServices()
  const promoId = (node.attrs['promoId'] as string | null) ?? null
  const [picking, setPicking] = useState(promoId === null)
  const promo = promos?.find((entry) => entry.promo.id === promoId)?.promo
  const warning = warningFor(promoId, promo, promos !== null)

  const openPicker = (): void => {
    refreshPromos()
    setPicking(true)
  }

  return (
    <NodeViewWrapper as="aside" className="promo-slot" aria-label={`Promo slot: ${promo?.name ?? 'no promo'}`} {...blockControlsProps}>
      <header className="block-header">
        <span className="block-kind" data-drag-handle>
          Promo
        </span>
        <span className="promo-slot-name">{promo?.name ?? ''}</span>
        <button type="button" className="ghost" onClick={openPicker} {...controlProps(true)}>
          {promoId === null ? 'Choose promo' : 'Change promo'}
        </button>
        <button type="button" className="ghost block-remove" aria-label="Remove promo slot" title="Remove promo slot" onClick={deleteNode} {...controlProps(false)}>
          <X size={16} aria-hidden="true" />
        </button>
      </header>
      {warning && (
        <p className="block-warning" role="status">
          {warning}
        </p>
      )}
      {promo && <PromoPreview promo={promo} />}
      {picking && (
        <PromoPicker
          promos={promos}
          currentId={promoId}
          onPick={(id) => {
            updateAttributes({ promoId: id })
            setPicking(false)
          }}
          onCancel={() => setPicking(false)}
        />
      )}
    </NodeViewWrapper>
  )
}
