import { contextBridge, ipcRenderer } from 'electron'
import type { CockpitApi } from '../shared/contract'

const api: CockpitApi = {
  appInfo: () => ipcRenderer.invoke('app:info')
}

contextBridge.exposeInMainWorld('cockpit', api)
