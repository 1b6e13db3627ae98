import { describe, expect, it } from 'vitest'
import type { Promo } from '../../../src/shared/article/promo'
import { mergePromos } from '../../../src/main/merge'
import { hostingPromo } from '../../fixtures/netflix'

const promo = (id: string, name: string): Promo => ({ ...hostingPromo(), id, name })
const changed = (p: Promo, fields: Partial<Promo>, updatedAt: string): Promo => ({ ...p, ...fields, updatedAt })

describe('promos', () => {
  const hosting = promo('promo-hosting-1', 'Hosting')
  const vpn = promo('promo-vpn-0001', 'VPN')
  const base = [hosting, vpn]

  it('merges each promo field by field and keeps the later updatedAt', () => {
    const ours = [changed(hosting, { headline: 'Hosting 80% off' }, '2026-02-01T00:00:00.000Z'), vpn]
    const theirs = [changed(hosting, { cta: 'Get hosting', activeUntil: '2031-01-31' }, '2026-02-02T00:00:00.000Z'), vpn]
    const { promos, notices } = mergePromos({ base, ours, theirs })
    expect(promos).toEqual([{ ...hosting, headline: 'Hosting 80% off', cta: 'Get hosting', activeUntil: '2031-01-31', updatedAt: '2026-02-02T00:00:00.000Z' }, vpn])
    expect(notices).toEqual([])
  })

  it('a field changed differently on both sides keeps ours and quotes theirs in a notice', () => {
    const ours = [changed(hosting, { headline: 'Hosting 80% off' }, '2026-02-01T00:00:00.000Z'), vpn]
    const theirs = [changed(hosting, { headline: 'Hosting half price', sponsor: 'Acme' }, '2026-02-02T00:00:00.000Z'), vpn]
    const { promos, notices } = mergePromos({ base, ours, theirs })
    expect(promos[0]).toMatchObject({ headline: 'Hosting 80% off', sponsor: 'Acme' })
    expect(notices).toEqual(['The promo “Hosting” was changed on both sides; this copy is kept where they differ. The other side had: headline “Hosting half price”.'])
  })

  it('keeps promos added on either side, drops those deleted, and brings back one deleted against an edit', () => {
    const added = promo('promo-added-01', 'New')
    const ours = [hosting, added]
    const theirs = [hosting, changed(vpn, { text: 'A faster VPN.' }, '2026-02-02T00:00:00.000Z')]
    const result = mergePromos({ base, ours, theirs })
    expect(result.promos.map((p) => p.id)).toEqual(['promo-hosting-1', 'promo-added-01', 'promo-vpn-0001'])
    expect(result.notices).toEqual(['The promo “VPN” was deleted on one side and edited on the other: the edit wins, and it is back.'])

    const gone = mergePromos({ base, ours: [hosting], theirs: [hosting] })
    expect(gone).toEqual({ promos: [hosting], notices: [] })
    expect(mergePromos({ base, ours: [hosting], theirs: base })).toEqual({ promos: [hosting], notices: [] })
  })
})
