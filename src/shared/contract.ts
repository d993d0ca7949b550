import { z } from 'zod'

/**
 * The one contract between renderer and main. Every invoke call names its request schema
 * (validated in main on entry, because types vanish at run time) and its response type.
 */
export const invokeRequestSchemas = {
  'app:info': z.undefined()
} as const

export interface AppInfo {
  name: string
  version: string
  engineVersion: string
}

export interface InvokeResponses {
  'app:info': AppInfo
}

export type InvokeChannel = keyof typeof invokeRequestSchemas
export type InvokeRequest<C extends InvokeChannel> = z.infer<(typeof invokeRequestSchemas)[C]>
export type InvokeResponse<C extends InvokeChannel> = InvokeResponses[C]

/** What the preload exposes as `window.cockpit`: one named function per invoke call. */
export interface CockpitApi {
  appInfo(): Promise<AppInfo>
}
