import { app, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { decideNavigation } from './navigation'

/**
 * Applied to every web contents the app ever creates: no navigation away from
 * the renderer, no new windows, no webviews; web links go to the system browser.
 */
export function hardenWebContents(isAppUrl: (url: string) => boolean): void {
  const openOutside = (url: string): void => {
    // Electronegativity OPEN_EXTERNAL_JS_CHECK, reviewed: only http:, https: and mailto: URLs get here (decideNavigation).
    if (decideNavigation(url, isAppUrl) === 'open-external') void shell.openExternal(url)
  }
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (decideNavigation(url, isAppUrl) === 'allow') return
      event.preventDefault()
      openOutside(url)
    })
    contents.on('will-redirect', (event, url) => {
      if (decideNavigation(url, isAppUrl) !== 'allow') event.preventDefault()
    })
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url)
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
