import { ipcChannel, ipcEventChannel } from '../shared/ipc/channel-strings'
import type { ChannelName, CopydeskApi, EventName } from '../shared/ipc/contract'

/** What the API needs from the process boundary: Electron's ipcRenderer, or the test harness. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
  /** Electron's webUtils.getPathForFile. */
  pathOf(file: Blob): string
}

/**
 * Builds `window.copydesk` from the contract's channel names: one method per channel, plus `on` for events and
 * `pathOf` for files. `askedEarly` is called at once, as the page starts loading, so main answers it while the
 * page's scripts are still on their way; the page's first call of it gets that answer, later calls ask afresh.
 */
export function createApi(transport: Transport, channelNames: readonly ChannelName[], askedEarly?: ChannelName): CopydeskApi {
  const api: Record<string, unknown> = {}
  for (const name of channelNames) {
    api[name] = (request?: unknown) => transport.invoke(ipcChannel(name), request)
  }
  if (askedEarly) {
    let early: Promise<unknown> | null = transport.invoke(ipcChannel(askedEarly), undefined)
    // Never an unhandled rejection when the page does not ask (it fails to load); the page's own call still sees it.
    early.catch(() => undefined)
    const ask = api[askedEarly] as (request?: unknown) => Promise<unknown>
    api[askedEarly] = (request?: unknown) => {
      const answer = early ?? ask(request)
      early = null
      return answer
    }
  }
  api['on'] = (name: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe(ipcEventChannel(name), listener)
  api['pathOf'] = (file: Blob) => {
    // Only a picked or dropped File has a path; anything else is answered '' rather than thrown across the bridge.
    try {
      return transport.pathOf(file)
    } catch {
      return ''
    }
  }
  return api as CopydeskApi
}
