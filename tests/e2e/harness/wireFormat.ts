/**
 * JSON that keeps typed arrays typed: each becomes `{ "$typed": <constructor>, "base64": ... }`.
 * Electron's structured clone carries them as binary; the harness must too, or the renderer
 * would see plain objects where it expects Float64Array.
 */
const TYPED_TAG = '$typed'

const TYPED_ARRAYS = [
  'Float64Array',
  'Float32Array',
  'Int32Array',
  'Uint32Array',
  'Int16Array',
  'Uint16Array',
  'Int8Array',
  'Uint8Array'
] as const

export function encodeForWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (!ArrayBuffer.isView(item) || item instanceof DataView) return item
    const name = item.constructor.name
    if (!(TYPED_ARRAYS as readonly string[]).includes(name)) return item
    const bytes = Buffer.from(item.buffer, item.byteOffset, item.byteLength)
    return { [TYPED_TAG]: name, base64: bytes.toString('base64') }
  })
}
