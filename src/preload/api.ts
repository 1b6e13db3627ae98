import { ipcChannel, ipcEventChannel } from '../shared/ipc/channel-strings'
import type { ChannelName, CopydeskApi, EventName } from '../shared/ipc/contract'

/** What the API needs from the process boundary: Electron's ipcRenderer, or the test harness. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
  /** Electron's webUtils.getPathForFile. */
  pathOf(file: Blob): string
}

/** Builds `window.copydesk` from the contract's channel names: one method per channel, plus `on` for events and `pathOf` for files. */
export function createApi(transport: Transport, channelNames: readonly ChannelName[]): CopydeskApi {
  const api: Record<string, unknown> = {}
  for (const name of channelNames) {
    api[name] = (request?: unknown) => transport.invoke(ipcChannel(name), request)
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
