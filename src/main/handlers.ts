import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../shared/contract'
import { ENGINE_VERSION } from '../engine/version'

export type Handler<C extends InvokeChannel> = (
  request: InvokeRequest<C>
) => Promise<InvokeResponse<C>>
export type HandlerTable = { [C in InvokeChannel]: Handler<C> }

/** Plain functions, so the same table serves Electron's ipcMain and the test harness. */
export function createHandlers(appVersion: string): HandlerTable {
  return {
    'app:info': async () => ({
      name: 'Cascade Cockpit',
      version: appVersion,
      engineVersion: ENGINE_VERSION
    })
  }
}
