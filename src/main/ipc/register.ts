import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelNames, ipcChannel, ipcEventChannel } from '../../shared/ipc/contract'
import { fail } from '../../shared/ipc/result'
import { dispatch, type HandlerContext, type Handlers } from './dispatch'

/**
 * Registers every contract channel in one loop. A call from any frame other
 * than our own renderer is refused before its payload is even parsed.
 */
export function registerIpc(handlers: Handlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannel(name), (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return fail('forbidden-sender', 'This window is not allowed to talk to Copydesk.')
      }
      const ctx: HandlerContext = {
        emit: (eventName, eventPayload) => {
          if (!event.sender.isDestroyed()) event.sender.send(ipcEventChannel(eventName), eventPayload)
        }
      }
      return dispatch(handlers, name, payload, ctx)
    })
  }
}
