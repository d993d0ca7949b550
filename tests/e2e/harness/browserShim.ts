/**
 * `window.cockpit` for the browser harness: the same CockpitApi the preload exposes in
 * Electron, made of POSTs to the loopback server and one Server-Sent Events stream.
 *
 * This file is sent to the browser as it is, compiled but not bundled: it may import types
 * only, and must decode the wire format (see wireFormat.ts) itself.
 */
import type { CockpitApi } from '../../../src/shared/contract'

export interface ShimConfig {
  methods: Record<string, string>
  events: readonly string[]
}

type Listener = (payload: unknown) => void

export function installCockpitShim(config: ShimConfig): void {
  const meta = document.querySelector('meta[name="cockpit-harness-token"]')
  const token = meta?.getAttribute('content') ?? ''
  const typedArrays: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
    Float64Array,
    Float32Array,
    Int32Array,
    Uint32Array,
    Int16Array,
    Uint16Array,
    Int8Array,
    Uint8Array
  }

  const revive = (_key: string, value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || !('$typed' in value)) return value
    const { $typed, base64 } = value as { $typed: string; base64: string }
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return new typedArrays[$typed](bytes.buffer)
  }

  const invoke = async (channel: string, request: unknown): Promise<unknown> => {
    const response = await fetch(`/__harness/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cockpit-token': token },
      body: JSON.stringify(request === undefined ? null : { request })
    })
    const text = await response.text()
    const body = JSON.parse(text, revive) as { result?: unknown; error?: string }
    if (!response.ok) throw new Error(body.error ?? `${channel} failed with ${response.status}`)
    return body.result
  }

  const listeners = new Map<string, Set<Listener>>()
  let stream: EventSource | null = null
  const connect = (): void => {
    if (stream) return
    stream = new EventSource(`/__harness/events?token=${encodeURIComponent(token)}`)
    for (const event of config.events) {
      stream.addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data, revive)
        for (const listener of listeners.get(event) ?? []) listener(payload)
      })
    }
  }

  const api: Record<string, unknown> = {}
  for (const [method, channel] of Object.entries(config.methods))
    api[method] = (request?: unknown) => invoke(channel, request)
  api.on = (event: string, listener: Listener) => {
    if (!config.events.includes(event)) throw new Error(`no event "${event}" in the contract`)
    connect()
    let set = listeners.get(event)
    if (!set) listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }
  Object.defineProperty(window, 'cockpit', { value: Object.freeze(api as CockpitApi) })
}
