import { afterEach, describe, expect, it, vi } from 'vitest'
import { warmLocaleDataOnceParsed } from '../../src/preload/locale-warmup'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the locale data the page formats its dates with', () => {
  it('is loaded once the page\'s HTML is parsed, not before: the preload runs before the page asks for its scripts', () => {
    const page = new EventTarget()
    const RealFormat = Intl.DateTimeFormat
    const formatters = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (locales, options) {
      return new RealFormat(locales, options)
    })
    warmLocaleDataOnceParsed(page)
    expect(formatters).not.toHaveBeenCalled()

    page.dispatchEvent(new Event('readystatechange'))
    expect(formatters).toHaveBeenCalledTimes(1)
    // The page becoming complete later loads nothing more.
    page.dispatchEvent(new Event('readystatechange'))
    expect(formatters).toHaveBeenCalledTimes(1)
  })
})
