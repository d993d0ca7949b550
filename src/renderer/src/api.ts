import type { CockpitApi } from '../../shared/contract'

declare global {
  interface Window {
    cockpit: CockpitApi
  }
}

/** The renderer's only door to the main process: the preload's (or the harness's) bridge. */
export const api: CockpitApi = window.cockpit

/**
 * An error as the user should read it. Electron wraps a handler's error as
 * "Error invoking remote method 'sim:run': Error: <message>"; only the message is theirs.
 */
export function userMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, '')
}
