import { app, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron'

const isWebLink = (url: string): boolean => {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:'
  } catch {
    return false
  }
}

/**
 * Applied to every web contents the app ever creates: no navigation away from
 * the renderer, no new windows, no webviews; web links go to the system browser.
 */
export function hardenWebContents(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return
      event.preventDefault()
      if (isWebLink(url)) void shell.openExternal(url)
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.setWindowOpenHandler(({ url }) => {
      if (isWebLink(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  // Copydesk needs no camera, notifications, geolocation…: refuse them all.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

/** Only our own top-level renderer document may call the IPC API. */
export const makeSenderCheck =
  (isAppUrl: (url: string) => boolean) =>
  (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isAppUrl(frame.url)
  }
