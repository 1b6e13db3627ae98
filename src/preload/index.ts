import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createApi } from './api'

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
  })
)
