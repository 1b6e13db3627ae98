import { describe, expect, it } from 'vitest'
import { resolveSlugClashes } from '../../../src/main/merge'
import { baseArticle, edited } from './merge-fixtures'

describe('slug clashes', () => {
  it('gives the newer of two articles with one slug the next free address, and says so', () => {
    const older = baseArticle()
    const newer = edited(older, (a) => {
      a.id = 'f0e1d2c3-other-one'
      a.title = 'Coffee prices rise again'
      a.createdAt = '2026-01-09T00:00:00.000Z'
    })
    const taken = edited(older, (a) => {
      a.id = '99999999-taken'
      a.slug = 'coffee-prices-rise-2'
    })
    const notices: string[] = []
    const renamed = resolveSlugClashes([newer, taken, older], notices)
    expect(renamed).toEqual([{ ...newer, slug: 'coffee-prices-rise-3' }])
    expect(notices).toEqual(['“Coffee prices rise again” now has the address “coffee-prices-rise-3”: “Coffee prices rise” already used “coffee-prices-rise”.'])
    expect(resolveSlugClashes([older, taken], [])).toEqual([])
  })
})
