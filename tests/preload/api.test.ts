import { describe, expect, it } from 'vitest'
import { createApi, type Transport } from '../../src/preload/api'
import { channelNames, ipcChannel } from '../../src/shared/ipc/contract'

/** Electron's side of the boundary, as the preload sees it: what was sent, answered in order. */
function recordingTransport(): Transport & { sent: string[] } {
  const sent: string[] = []
  return {
    sent,
    invoke: async (channel) => {
      sent.push(channel)
      return { ok: true, value: sent.length }
    },
    subscribe: () => () => undefined,
    pathOf: () => ''
  }
}

describe('window.copydesk', () => {
  it('asks for the window start as the page begins loading, gives that answer to the first call, and asks afresh after', async () => {
    const transport = recordingTransport()
    const api = createApi(transport, channelNames, 'getWindowStart')
    // Before the page's scripts have run at all.
    expect(transport.sent).toEqual([ipcChannel('getWindowStart')])

    expect(await api.getWindowStart()).toEqual({ ok: true, value: 1 })
    expect(transport.sent).toHaveLength(1)
    // A later call (after "Try again" at a start-up problem) is a new question.
    expect(await api.getWindowStart()).toEqual({ ok: true, value: 2 })
    expect(transport.sent).toEqual([ipcChannel('getWindowStart'), ipcChannel('getWindowStart')])
  })

  it('asks nothing before the page does for every other channel', async () => {
    const transport = recordingTransport()
    const api = createApi(transport, channelNames)
    expect(transport.sent).toEqual([])
    await api.getAppInfo()
    expect(transport.sent).toEqual([ipcChannel('getAppInfo')])
  })
})
