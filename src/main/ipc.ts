import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { InvokeChannel } from '../shared/contract'
import { dispatch } from './dispatch'
import type { HandlerTable } from './handlers'

/** Registers the handler table: every payload is validated and every sender checked. */
export function registerIpc(
  handlers: HandlerTable,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
): void {
  for (const channel of Object.keys(handlers) as InvokeChannel[]) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event))
        throw new Error(`${channel}: refused a call from an untrusted frame`)
      return dispatch(handlers, channel, payload)
    })
  }
}
