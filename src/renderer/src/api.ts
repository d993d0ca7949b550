import type { CockpitApi } from '../../shared/contract'

declare global {
  interface Window {
    cockpit: CockpitApi
  }
}

/** The renderer's only door to the main process. */
export const api: CockpitApi = window.cockpit
