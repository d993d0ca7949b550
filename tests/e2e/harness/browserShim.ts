/**
 * `window.cockpit` for the browser harness: the same CockpitApi the preload exposes in
 * Electron, made of POSTs to the loopback server and one Server-Sent Events stream.
 *
 * This file is sent to the browser as it is, compiled but not bundled: it may import types
 * only, and must encode and decode the wire formats (see wireFormat.ts) itself.
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

  // Invoke calls travel as frames (see wireFormat.ts): JSON plus the typed arrays' raw bytes.
  const FRAME_TYPE = 'application/x-cockpit-frame'
  const align8 = (offset: number): number => (offset + 7) & ~7
  // Long string arrays go as NUL-joined UTF-8, as in wireFormat.ts.
  const SEPARATOR = '\u0000'
  const stringColumnText = (value: unknown): string | null => {
    if (!Array.isArray(value) || value.length < 256) return null
    for (const entry of value)
      if (typeof entry !== 'string' || entry.includes(SEPARATOR)) return null
    return value.join(SEPARATOR)
  }

  // A walk that swaps typed arrays, not a JSON replacer or reviver: those run once per value,
  // a million times for a column of position ids.
  const swapTyped = (value: unknown, replace: (item: unknown) => unknown): unknown => {
    const swapped = replace(value)
    if (swapped !== undefined) return swapped
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        if (typeof item !== 'object' || item === null) continue
        const next = swapTyped(item, replace)
        if (next !== item) (copy ??= value.slice())[i] = next
      }
      return copy ?? value
    }
    if (typeof value !== 'object' || value === null) return value
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = swapTyped(item, replace)
    return copy
  }

  const encodeFrame = (value: unknown): Blob => {
    const parts: ArrayBufferView[] = []
    let written = 0
    const swapped = swapTyped(value, (item) => {
      const text = stringColumnText(item)
      if (text !== null) {
        const bytes = new TextEncoder().encode(text)
        const offset = align8(written)
        if (offset > written) parts.push(new Uint8Array(offset - written))
        parts.push(bytes)
        written = offset + bytes.byteLength
        return { $strings: (item as string[]).length, offset, bytes: bytes.byteLength }
      }
      if (!ArrayBuffer.isView(item) || item instanceof DataView) return undefined
      const name = item.constructor.name
      if (!(name in typedArrays)) return undefined
      const offset = align8(written)
      if (offset > written) parts.push(new Uint8Array(offset - written))
      parts.push(item)
      written = offset + item.byteLength
      return { $typed: name, offset, length: (item as Uint8Array).length }
    })
    const head = new TextEncoder().encode(JSON.stringify(swapped ?? null))
    const prefix = new Uint8Array(align8(4 + head.length))
    new DataView(prefix.buffer).setUint32(0, head.length, true)
    prefix.set(head, 4)
    return new Blob([prefix, ...(parts as BlobPart[])])
  }

  const decodeFrame = (buffer: ArrayBuffer): unknown => {
    const jsonLength = new DataView(buffer).getUint32(0, true)
    const start = align8(4 + jsonLength)
    const json = new TextDecoder().decode(new Uint8Array(buffer, 4, jsonLength))
    return swapTyped(JSON.parse(json), (value) => {
      if (typeof value === 'object' && value !== null && '$strings' in value) {
        const { offset, bytes } = value as unknown as { offset: number; bytes: number }
        return new TextDecoder()
          .decode(new Uint8Array(buffer, start + offset, bytes))
          .split(SEPARATOR)
      }
      if (typeof value !== 'object' || value === null || !('$typed' in value)) return undefined
      const { $typed, offset, length } = value as { $typed: string; offset: number; length: number }
      const Type = typedArrays[$typed] as unknown as new (
        buffer: ArrayBuffer,
        byteOffset: number,
        length: number
      ) => ArrayBufferView
      return new Type(buffer, start + offset, length)
    })
  }

  const invoke = async (channel: string, request: unknown): Promise<unknown> => {
    const response = await fetch(`/__harness/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': FRAME_TYPE, accept: FRAME_TYPE, 'x-cockpit-token': token },
      body: encodeFrame(request === undefined ? null : { request })
    })
    const body = (
      response.headers.get('content-type') === FRAME_TYPE
        ? decodeFrame(await response.arrayBuffer())
        : JSON.parse(await response.text(), revive)
    ) as { result?: unknown; error?: string }
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
