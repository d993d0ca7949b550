type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array

/**
 * A copy of `value` whose typed arrays live in SharedArrayBuffers, so posting it to worker threads
 * shares the memory instead of cloning it: a million-position book is sent once, not per worker.
 * Arrays already shared are kept, so a book shared once costs nothing on later runs. Plain arrays
 * and objects are copied around them; other values are kept.
 */
export function toSharedArrays<T>(value: T): T {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value.buffer instanceof SharedArrayBuffer) return value
    const source = value as unknown as TypedArray
    const Kind = source.constructor as new (buffer: SharedArrayBuffer) => TypedArray
    const shared = new Kind(new SharedArrayBuffer(source.byteLength))
    shared.set(source)
    return shared as unknown as T
  }
  if (Array.isArray(value)) return value.map((item) => toSharedArrays(item)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, toSharedArrays(item)])
    ) as T
  }
  return value
}
