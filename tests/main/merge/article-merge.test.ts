import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { UserError } from '../../../src/shared/ipc/result'
import { checkArticle } from '../../../src/main/library/article-rules'
import { baseArticle, blockTexts, edited, merged, paragraph } from './merge-fixtures'

const setText = (index: number, text: string) => (draft: Article) => {
  draft.body.content[index] = paragraph(text)
}

describe('metadata', () => {
  it('takes each side’s change to a different field, and the later updatedAt', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => void (a.title = 'Coffee prices soar'))
    const theirs = edited(base, (a) => {
      a.dek = 'Growers blame the drought.'
      a.category = 'Food'
      a.publishDate = '2026-03-01'
    })
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(article).toMatchObject({ title: 'Coffee prices soar', dek: 'Growers blame the drought.', category: 'Food', publishDate: '2026-03-01' })
    expect(article?.updatedAt).toBe(theirs.updatedAt)
  })

  it('merges tags, authors and related articles as sets: additions and removals from both sides apply', () => {
    const base = edited(baseArticle(), (a) => void (a.related = ['11111111-related']))
    const ours = edited(base, (a) => {
      a.tags = ['coffee', 'markets', 'brazil']
      a.authors = ['Ana Ruiz', 'Ben Okafor']
    })
    const theirs = edited(base, (a) => {
      a.tags = ['coffee', 'weather']
      a.related = ['11111111-related', '22222222-related']
      a.authors = []
    })
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(article?.tags).toEqual(['coffee', 'brazil', 'weather'])
    expect(article?.authors).toEqual(['Ben Okafor'])
    expect(article?.related).toEqual(['11111111-related', '22222222-related'])
  })

  it('the same field changed differently on both sides is a conflict: ours stays, theirs is returned whole', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => void (a.title = 'Coffee prices soar'))
    const theirs = edited(base, (a) => {
      a.title = 'Coffee gets dearer'
      a.dek = 'Growers blame the drought.'
    })
    const { article, conflict } = merged({ base, ours, theirs })
    expect(article?.title).toBe('Coffee prices soar')
    expect(article?.dek).toBe('Growers blame the drought.')
    expect(conflict).toMatchObject({ kept: 'ours', other: theirs })
    expect(conflict?.summary).toBe('Both sides changed the title.')
    // The flag names the field, so the side-by-side view offers both titles.
    expect(article?.syncConflict).toEqual({ at: article?.updatedAt, summary: 'Both sides changed the title.', fields: ['title'] })
  })
})

describe('body', () => {
  it('edits to different blocks both land, and blocks inserted or deleted on either side are applied', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => {
      setText(0, 'The price of arabica beans rose steeply in March.')(a)
      a.body.content.splice(4, 1)
      a.body.content.splice(1, 0, paragraph('Ours: a new second paragraph.'))
    })
    const theirs = edited(base, (a) => {
      setText(3, 'Roasters expect prices to stay high for two years.')(a)
      a.body.content.push(paragraph('Theirs: a closing line.'))
    })
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(blockTexts(article!)).toEqual([
      'The price of arabica beans rose steeply in March.',
      'Ours: a new second paragraph.',
      'What growers say',
      'Farmers in Brazil reported a dry winter and small harvests.',
      'Roasters expect prices to stay high for two years.',
      'Theirs: a closing line.'
    ])
  })

  it('merges concurrent edits inside one paragraph word by word where the changed words do not overlap', () => {
    const base = baseArticle()
    const ours = edited(base, setText(2, 'Farmers in Brazil reported a very dry winter and small harvests.'))
    const theirs = edited(base, setText(2, 'Farmers in Brazil and Vietnam reported a dry winter and poor harvests.'))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(blockTexts(article!)[2]).toBe('Farmers in Brazil and Vietnam reported a very dry winter and poor harvests.')
  })

  it('neighbouring words changed on each side both land', () => {
    const base = baseArticle()
    const ours = edited(base, setText(3, 'Roasters fear prices to stay high until next summer.'))
    const theirs = edited(base, setText(3, 'Roasters expect costs to stay high until next year!'))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(blockTexts(article!)[3]).toBe('Roasters fear costs to stay high until next summer!')
  })

  it('the same words changed both ways: ours stays in the text with no conflict markers, theirs is kept whole', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => {
      setText(3, 'Roasters expect prices to stay high until 2028.')(a)
      setText(0, 'The price of arabica beans rose steeply in March.')(a)
    })
    const theirs = edited(base, (a) => {
      setText(3, 'Roasters expect prices to stay high until autumn.')(a)
      setText(4, 'Shoppers will see the change on shelves by summer.')(a)
    })
    const { article, conflict } = merged({ base, ours, theirs })
    const texts = blockTexts(article!)
    expect(texts[3]).toBe('Roasters expect prices to stay high until 2028.')
    // What did not clash still merges: their edit elsewhere lands.
    expect(texts[0]).toBe('The price of arabica beans rose steeply in March.')
    expect(texts[4]).toBe('Shoppers will see the change on shelves by summer.')
    expect(texts.join('\n')).not.toMatch(/<<<<|>>>>|====|autumn/)
    expect(conflict?.other).toEqual(theirs)
    expect(blockTexts(conflict!.other)[3]).toContain('autumn')
    expect(conflict?.summary).toBe('Both sides changed a paragraph.')
    expect(article?.syncConflict?.summary).toBe(conflict?.summary)
    expect(article?.syncConflict?.fields).toBeUndefined()
  })

  it('keeps every text run’s marks when words merge inside a paragraph', () => {
    const base = edited(baseArticle(), (a) => {
      a.body.content[0] = paragraph('The price of ', ['arabica', ['bold']], ' beans rose in ', ['March', ['italic']], '.')
    })
    const ours = edited(base, (a) => {
      a.body.content[0] = paragraph('The price of ', ['arabica', ['bold']], ' coffee beans rose in ', ['March', ['italic']], '.')
    })
    const theirs = edited(base, (a) => {
      a.body.content[0] = paragraph('The ', ['world', ['underline']], ' price of ', ['arabica', ['bold']], ' beans rose in ', ['early March', ['italic']], '.')
    })
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(article?.body.content[0]).toEqual(
      paragraph('The ', ['world', ['underline']], ' price of ', ['arabica', ['bold']], ' coffee beans rose in ', ['early March', ['italic']], '.')
    )
  })

  it('a word one side only bolded while the other edited elsewhere in the paragraph keeps both', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => {
      a.body.content[0] = paragraph('The price of ', ['arabica', ['bold']], ' beans rose sharply in March.')
    })
    const theirs = edited(base, setText(0, 'The price of arabica beans rose sharply in late March.'))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(article?.body.content[0]).toEqual(paragraph('The price of ', ['arabica', ['bold']], ' beans rose sharply in late March.'))
  })

  it('blocks both sides inserted at one place are all kept, ours first, and the same block inserted twice lands once', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => void a.body.content.splice(2, 0, paragraph('Ours: prices doubled.'), paragraph('Both: a quote from a grower.')))
    const theirs = edited(base, (a) => void a.body.content.splice(2, 0, paragraph('Both: a quote from a grower.'), paragraph('Theirs: exports fell.')))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(blockTexts(article!).slice(2, 5)).toEqual(['Ours: prices doubled.', 'Both: a quote from a grower.', 'Theirs: exports fell.'])
  })

  it('a block moved on one side and edited on the other lands once, edited, at its new place', () => {
    const base = baseArticle()
    const move = (from: number, to: number) => (a: Article) => void a.body.content.splice(to, 0, ...a.body.content.splice(from, 1))
    const ours = edited(base, move(0, 4))
    const theirs = edited(base, setText(0, 'The price of arabica beans rose steeply in March.'))
    const moved = merged({ base, ours, theirs })
    expect(moved.conflict).toBeNull()
    expect(moved.notices).toEqual([])
    expect(blockTexts(moved.article!)).toEqual([
      'What growers say',
      'Farmers in Brazil reported a dry winter and small harvests.',
      'Roasters expect prices to stay high until next year.',
      'Shoppers may see the change on shelves by summer.',
      'The price of arabica beans rose steeply in March.'
    ])
    // Moved to two places: once, at ours. Moved against deleted: gone.
    const twice = merged({ base, ours, theirs: edited(base, move(0, 2)) })
    expect(blockTexts(twice.article!)).toEqual(blockTexts(ours))
    const gone = merged({ base, ours, theirs: edited(base, (a) => void a.body.content.splice(0, 1)) })
    expect(blockTexts(gone.article!)).toEqual(blockTexts(ours).slice(0, 4))
  })

  it('a heading’s level changed on one side and its words on the other: both land', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => void (a.body.content[1]!.attrs = { level: 3 }))
    const theirs = edited(base, (a) => void (a.body.content[1]!.content = [{ type: 'text', text: 'What coffee growers say' }]))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(article?.body.content[1]).toEqual({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'What coffee growers say' }] })
  })

  it('merges edits to different items of one list', () => {
    const item = (text: string) => ({ type: 'listItem', content: [paragraph(text)] })
    const base = edited(baseArticle(), (a) => {
      a.body.content.push({ type: 'bulletList', content: [item('Brazil'), item('Vietnam'), item('Colombia')] })
    })
    const ours = edited(base, (a) => void (a.body.content[5]!.content![0] = item('Brazil, the largest grower')))
    const theirs = edited(base, (a) => void a.body.content[5]!.content!.push(item('Ethiopia')))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(blockTexts(article!)[5]).toBe('Brazil, the largest grower\nVietnam\nColombia\nEthiopia')
  })

  it('a block deleted on one side and edited on the other keeps the edit, with a notice', () => {
    const base = baseArticle()
    const ours = edited(base, (a) => void a.body.content.splice(3, 1))
    const theirs = edited(base, setText(3, 'Roasters expect prices to stay high for two years.'))
    const { article, conflict, notices } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(blockTexts(article!)[3]).toBe('Roasters expect prices to stay high for two years.')
    expect(notices).toEqual(['“Coffee prices rise”: a block deleted on one side had been edited on the other; the edited text is kept.'])
  })
})

describe('whole articles', () => {
  it('deleted on one side and edited on the other: the edit wins and the article comes back from the trash', () => {
    const base = baseArticle()
    const theirs = edited(base, (a) => void (a.title = 'Coffee prices soar'))
    for (const sides of [{ base, ours: undefined, theirs }, { base, ours: theirs, theirs: undefined }]) {
      const { article, conflict, notices } = merged(sides)
      expect(article).toEqual(theirs)
      expect(conflict).toBeNull()
      expect(notices).toEqual(['“Coffee prices soar” was deleted on one side and edited on the other: the edit wins, and the article came back from the trash.'])
    }
  })

  it('deleted on one side and untouched on the other stays deleted; deleted on both stays deleted', () => {
    const base = baseArticle()
    expect(merged({ base, ours: undefined, theirs: base })).toEqual({ article: undefined, conflict: null, notices: [] })
    expect(merged({ base, ours: base, theirs: undefined })).toEqual({ article: undefined, conflict: null, notices: [] })
    expect(merged({ base, ours: undefined, theirs: undefined })).toEqual({ article: undefined, conflict: null, notices: [] })
  })

  it('created on one side only: that side', () => {
    const created = baseArticle()
    expect(merged({ base: undefined, ours: undefined, theirs: created })).toEqual({ article: created, conflict: null, notices: [] })
    expect(merged({ base: undefined, ours: created, theirs: undefined })).toEqual({ article: created, conflict: null, notices: [] })
  })

  it('created on both sides with the same id: the same article once, or ours with theirs kept as the conflict’s other side', () => {
    const ours = baseArticle()
    expect(merged({ base: undefined, ours, theirs: structuredClone(ours) }).conflict).toBeNull()
    const theirs = edited(ours, (a) => void (a.title = 'Coffee gets dearer'))
    const { article, conflict } = merged({ base: undefined, ours, theirs })
    expect(article?.title).toBe('Coffee prices rise')
    expect(conflict).toMatchObject({ kept: 'ours', other: theirs, summary: 'Both sides created this article separately.' })
  })

  it('the conflict flag is optional and checked like every other field', () => {
    const article = baseArticle()
    expect(article.syncConflict).toBeUndefined()
    expect(() => checkArticle({ ...article, syncConflict: { at: 'yesterday', summary: 'Both sides changed the title.' } })).toThrow(UserError)
    expect(checkArticle({ ...article, syncConflict: { at: article.updatedAt, summary: 'x', revisionId: 'r1' } }).syncConflict?.revisionId).toBe('r1')
  })

  it('a conflict flag cleared on one side stays cleared when the other side edits elsewhere', () => {
    const base = edited(baseArticle(), (a) => void (a.syncConflict = { at: '2026-01-06T00:00:00.000Z', summary: 'Both sides changed the title.', revisionId: 'r1' }))
    const ours = edited(base, (a) => void delete a.syncConflict)
    const theirs = edited(base, setText(0, 'The price of arabica beans rose steeply in March.'))
    const { article, conflict } = merged({ base, ours, theirs })
    expect(conflict).toBeNull()
    expect(article?.syncConflict).toBeUndefined()
    expect(blockTexts(article!)[0]).toBe('The price of arabica beans rose steeply in March.')
  })
})
