import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { ChannelName } from '../shared/ipc/contract'
import { createApi } from './api'
import { warmLocaleDataOnceParsed } from './locale-warmup'

/**
 * The contract's channel names, written in at build time (electron.vite.config.ts): the preload runs before
 * the page's own scripts in every window, and the contract's schemas (zod) would make it a hundred times larger.
 */
declare const __COPYDESK_CHANNELS__: readonly ChannelName[]

// The renderer gets this one object and never sees ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'copydesk',
  createApi({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(channel, wrapped)
      return () => ipcRenderer.removeListener(channel, wrapped)
    },
    pathOf: (file) => webUtils.getPathForFile(file as File)
  }, __COPYDESK_CHANNELS__, 'getWindowStart')
)

warmLocaleDataOnceParsed(document)
