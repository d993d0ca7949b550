/**
 * How values cross the harness's loopback: typed arrays must stay typed, as Electron's structured
 * clone keeps them, or the renderer would see plain objects where it expects Float64Array.
 *
 * - JSON (events, and any caller that does not ask for frames): each typed array becomes
 *   `{ "$typed": <constructor>, "base64": ... }`.
 * - Frames (every invoke call the browser shim makes): a little-endian u32 with the JSON's byte
 *   length, the JSON, then each typed array's bytes at an 8-byte-aligned offset, referred to from
 *   the JSON as `{ "$typed": <constructor>, "offset": n, "length": elements }`, and long string
 *   arrays as NUL-joined UTF-8 (`{ "$strings": count, "offset": n, "bytes": n }`). A
 *   million-position workspace is ~130 MB of columns: base64 JSON would add a third and a slow
 *   decode on each side.
 *
 * browserShim.ts decodes and encodes both forms itself (it runs unbundled in the page).
 */
const TYPED_TAG = '$typed'
export const FRAME_TYPE = 'application/x-cockpit-frame'

const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array
} as const
type TypedName = keyof typeof TYPED_ARRAYS
type Typed = InstanceType<(typeof TYPED_ARRAYS)[TypedName]>

const typedName = (item: unknown): TypedName | null => {
  if (!ArrayBuffer.isView(item) || item instanceof DataView) return null
  const name = item.constructor.name
  return Object.hasOwn(TYPED_ARRAYS, name) ? (name as TypedName) : null
}

export function encodeForWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    const name = typedName(item)
    if (name === null) return item
    const view = item as Typed
    const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength)
    return { [TYPED_TAG]: name, base64: bytes.toString('base64') }
  })
}

const align8 = (offset: number): number => (offset + 7) & ~7

/**
 * Long string arrays (a million position ids) travel as one UTF-8 run joined by NUL: parsing
 * them from JSON costs far more than the typed arrays beside them. An array holding a NUL, or
 * anything but strings, stays JSON.
 */
const STRINGS_TAG = '$strings'
const SEPARATOR = '\u0000'
const STRING_COLUMN_MIN = 256

function stringColumnText(value: unknown): string | null {
  if (!Array.isArray(value) || value.length < STRING_COLUMN_MIN) return null
  for (const entry of value) if (typeof entry !== 'string' || entry.includes(SEPARATOR)) return null
  return value.join(SEPARATOR)
}

/**
 * The value with each typed array swapped for what `replace` makes of it. A walk, not a
 * JSON.stringify replacer or JSON.parse reviver: those run once per value, a million times
 * for a column of position ids.
 */
function swapTyped(value: unknown, replace: (item: unknown) => unknown | undefined): unknown {
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

export function encodeFrame(value: unknown): Buffer {
  const parts: Typed[] = []
  let offset = 0
  const json = JSON.stringify(
    swapTyped(value, (item) => {
      const text = stringColumnText(item)
      const name = text === null ? typedName(item) : null
      if (text === null && name === null) return undefined
      const view = text === null ? (item as Typed) : Buffer.from(text, 'utf8')
      offset = align8(offset)
      const reference =
        text === null
          ? { [TYPED_TAG]: name, offset, length: view.length }
          : { [STRINGS_TAG]: (item as string[]).length, offset, bytes: view.byteLength }
      parts.push(view)
      offset += view.byteLength
      return reference
    }) ?? null
  )
  const head = Buffer.from(json, 'utf8')
  const start = align8(4 + head.length)
  const frame = Buffer.alloc(start + offset)
  frame.writeUInt32LE(head.length, 0)
  head.copy(frame, 4)
  let at = 0
  for (const view of parts) {
    at = align8(at)
    frame.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), start + at)
    at += view.byteLength
  }
  return frame
}

export function decodeFrame(frame: Buffer): unknown {
  if (frame.length < 4) throw new Error('a frame needs its 4-byte header')
  const jsonLength = frame.readUInt32LE(0)
  if (4 + jsonLength > frame.length) throw new Error('the frame is shorter than its header says')
  const start = align8(4 + jsonLength)
  const parsed: unknown = JSON.parse(frame.toString('utf8', 4, 4 + jsonLength))
  return swapTyped(parsed, (item) => {
    if (typeof item === 'object' && item !== null && STRINGS_TAG in item) {
      const { $strings, offset, bytes } = item as {
        $strings: number
        offset: number
        bytes: number
      }
      if (!(offset >= 0 && start + offset + bytes <= frame.length))
        throw new Error('a string column reaches past the end of the frame')
      const strings = frame
        .toString('utf8', start + offset, start + offset + bytes)
        .split(SEPARATOR)
      if (strings.length !== $strings) throw new Error('a string column has the wrong length')
      return strings
    }
    if (typeof item !== 'object' || item === null || !(TYPED_TAG in item)) return undefined
    const { $typed, offset, length } = item as { $typed: string; offset: number; length: number }
    if (!Object.hasOwn(TYPED_ARRAYS, $typed)) throw new Error(`no typed array ${$typed}`)
    const Type = TYPED_ARRAYS[$typed as TypedName]
    const bytes = length * Type.BYTES_PER_ELEMENT
    if (!(offset >= 0 && start + offset + bytes <= frame.length))
      throw new Error('a typed array reaches past the end of the frame')
    // A view where the frame owns its whole buffer (large bodies do) and the bytes sit aligned;
    // else a copy, aligned and owned (small frames may share Node's buffer pool).
    const at = frame.byteOffset + start + offset
    if (frame.buffer.byteLength === frame.length && at % Type.BYTES_PER_ELEMENT === 0)
      return new Type(frame.buffer as ArrayBuffer, at, length)
    const copy = new Uint8Array(bytes)
    copy.set(frame.subarray(start + offset, start + offset + bytes))
    return new Type(copy.buffer)
  })
}
