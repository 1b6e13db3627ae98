import {
  channelNames,
  ipcChannel,
  ipcEventChannel,
  type CopydeskApi,
  type EventName
} from '../shared/ipc/contract'

/** What the API needs from the process boundary: Electron's ipcRenderer, or the test harness. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

/** Builds `window.copydesk` from the contract: one method per channel, plus `on` for events. */
export function createApi(transport: Transport): CopydeskApi {
  const api: Record<string, unknown> = {}
  for (const name of channelNames) {
    api[name] = (request?: unknown) => transport.invoke(ipcChannel(name), request)
  }
  api['on'] = (name: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe(ipcEventChannel(name), listener)
  return api as CopydeskApi
}
