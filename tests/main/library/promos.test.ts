import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { hostingPromo } from '../../fixtures/netflix'
import { addHostingPromo, netflixFields, useTempLibrary } from './temp-library'

let library: Library
const session = useTempLibrary((opened) => {
  library = opened
})

const input = { name: 'Spring sale', headline: 'Save 20%', text: '', url: 'https://shop.example.com', cta: 'Shop now', sponsor: 'Shop', activeFrom: null, activeUntil: null }

describe('promos', () => {
  it('adds, updates and lists promos, label defaulting to “Sponsored”', async () => {
    const created = await library.savePromo(input)
    expect(created).toMatchObject({ ...input, label: 'Sponsored' })
    const updated = await library.savePromo({ ...input, headline: 'Save 30%' }, created.id)
    expect(updated).toMatchObject({ id: created.id, headline: 'Save 30%', createdAt: created.createdAt })
    expect((await library.listPromos()).map((p) => p.promo)).toEqual([updated])
  })

  it('gives the bare promo list, for exports, by name whatever the case, as the list with their users does', async () => {
    await library.savePromo({ ...input, name: 'Winter sale' })
    await library.savePromo(input)
    await library.savePromo({ ...input, name: 'autumn sale' })
    const promos = await library.promoList()
    expect(promos.map((promo) => promo.name)).toEqual(['autumn sale', 'Spring sale', 'Winter sale'])
    expect(promos).toEqual((await library.listPromos()).map((listed) => listed.promo))
  })

  it('refuses a promo with a non-web address or that ends before it starts', async () => {
    await expect(library.savePromo({ ...input, url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(library.savePromo({ ...input, activeFrom: '2026-02-01', activeUntil: '2026-01-01' })).rejects.toMatchObject({ code: 'invalid-input' })
    expect(await library.listPromos()).toEqual([])
  })

  it('knows which articles place a promo and refuses to delete one in use, naming them', async () => {
    const promoId = await addHostingPromo(library)
    const article = await library.createArticle(netflixFields())
    const [listed] = await library.listPromos()
    expect(listed!.usedBy).toEqual([{ id: article.id, title: article.title }])

    await expect(library.deletePromo(promoId)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(article.title) })
    expect(await library.listPromos()).toHaveLength(1)

    const withoutSlots = { ...article.body, content: article.body.content.filter((node) => node.type !== 'promoSlot') }
    await library.saveArticle(article.id, { body: withoutSlots })
    expect((await library.listPromos())[0]!.usedBy).toEqual([])
    await library.deletePromo(promoId)
    expect(await library.listPromos()).toEqual([])
  })

  it('keeps promos in their own file, so losing the index loses no promo', async () => {
    await addHostingPromo(library)
    const onDisk = JSON.parse(await readFile(join(session.dir, 'promos.json'), 'utf8')) as { promos: { id: string }[] }
    expect(onDisk.promos.map((p) => p.id)).toEqual([hostingPromo().id])
    await rm(join(session.dir, 'copydesk-library.json'))
    const reopened = await session.reopen()
    expect((await reopened.listPromos()).map((p) => p.promo.name)).toEqual(['Hosting 75% off'])
  })
})
