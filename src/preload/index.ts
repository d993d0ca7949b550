import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_METHODS, isEventChannel, type ApiMethod } from '../shared/channels'
import type { CockpitApi, EventPayloads } from '../shared/contract'

/**
 * `window.cockpit`: one named function per contract call, each bound to its own channel, and a
 * subscription to the contract's events only. The renderer never sees ipcRenderer itself, so it
 * can reach no channel the contract does not name.
 */
const calls = Object.fromEntries(
  (Object.keys(API_METHODS) as ApiMethod[]).map((method) => [
    method,
    (request?: unknown) => ipcRenderer.invoke(API_METHODS[method], request)
  ])
)

const api = {
  ...calls,
  on(event: string, listener: (payload: EventPayloads[keyof EventPayloads]) => void) {
    if (!isEventChannel(event)) throw new Error(`no event "${event}" in the contract`)
    const forward = (_event: IpcRendererEvent, payload: EventPayloads[typeof event]): void =>
      listener(payload)
    ipcRenderer.on(event, forward)
    return () => {
      ipcRenderer.removeListener(event, forward)
    }
  }
} as CockpitApi

contextBridge.exposeInMainWorld('cockpit', api)
