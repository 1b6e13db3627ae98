import { it } from 'vitest'
import { largeWordPaste } from '../../fixtures/clipboard'
import { focusBodyEnd, openArticle, openEditorLibrary } from '../editor-support'
import { launchBrowser } from '../harness'

it('paste profile', async () => {
  const browser = await launchBrowser()
  const app = await openEditorLibrary(browser, { articles: [{ title: 'P' }] })
  const { page } = app
  page.on('console', (m) => console.log('console:', m.text()))
  await openArticle(page, 'P')
  await focusBodyEnd(page)
  const html = largeWordPaste(5 * 1024 * 1024)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const r = await page.evaluate(async (content) => {
    const editor = (document.querySelector('.ProseMirror') as any).editor
    const view = editor.view
    const out: Record<string, number> = {}
    const origApply = view.state.constructor.prototype.applyTransaction
    let applyMs = 0
    view.state.constructor.prototype.applyTransaction = function (tr: any) { const s0 = performance.now(); const r = origApply.call(this, tr); applyMs += performance.now() - s0; return r }
    const origUpdate = view.updateState.bind(view)
    let updateMs = 0
    view.updateState = (st: any) => { const s0 = performance.now(); origUpdate(st); updateMs += performance.now() - s0 }
    ;(window as any).__ms = () => ({ applyMs, updateMs })
    let t = performance.now()
    let h = content
    view.someProp('transformPastedHTML', (f: any) => { h = f(h, view) })
    out.clean = performance.now() - t
    out.cleanedKB = h.length / 1024
    t = performance.now()
    new DOMParser().parseFromString(content, 'text/html'); out.domparse = performance.now() - t
    const tpl = document.createElement('template')
    t = performance.now(); tpl.innerHTML = h; out.readHTML = performance.now() - t
    const Parser = (editor.schema.cached.domParser ?? null)
    const pmParser = view.someProp('clipboardParser') || view.someProp('domParser') || (window as any).__pmParser
    out.hasParser = pmParser ? 1 : 0
    t = performance.now()
    const parsed = editor.view.state.schema.cached.domParser
    out.cachedParser = parsed ? 1 : 0
    // use editor's DOMParser via the same module as view: grab from a trick
    const DOMParserPM = (editor as any).view.constructor // not the parser
    out.t = 0
    const tds = [...tpl.content.querySelectorAll('td')]
    out.tds = tds.length
    t = performance.now()
    for (const td of tds) { const table = td.closest('table')!; table.querySelectorAll('colgroup > col') }
    out.colgroupMs = performance.now() - t
    const tpl2 = document.createElement('template'); tpl2.innerHTML = '<div>' + h + '</div>'
    const div = document.createElement('div'); div.innerHTML = h
    const tds2 = [...div.querySelectorAll('td')]
    t = performance.now()
    for (const td of tds2) { const table = td.closest('table')!; table.querySelectorAll('colgroup > col') }
    out.colgroupLiveDocMs = performance.now() - t
    t = performance.now()
    view.pasteHTML(content)
    out.pasteHTML = performance.now() - t
    Object.assign(out, (window as any).__ms())
    return out
  }, html)
  console.log(JSON.stringify(r))
  const { profile } = (await cdp.send('Profiler.stop')) as any
  const self = new Map<string, number>()
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const dt = profile.timeDeltas as number[]
  profile.samples.forEach((id: number, i: number) => {
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n: any = byId.get(cur)
      const key = `${n.callFrame.functionName || '(anon)'} :${n.callFrame.lineNumber}`
      if (seen.has(key)) continue
      seen.add(key)
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
    }
  })
  console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'))
  await app.done()
  await browser.close()
})
