import { TYPED_COLUMNS, type Column, type ColumnType, type TypedColumn } from './columns'

/**
 * Elements per stored chunk: a million-position column is 8 chunks of 1 MB (Float64), few
 * enough records to write in one transaction quickly, small enough to never need one huge value.
 */
export const CHUNK_ELEMENTS = 1 << 17

export type ChunkData = TypedColumn | string[]

/** Chunk `index` of a column, a copy: storing one never clones the whole buffer. */
export const chunkOf = (column: Column, index: number): ChunkData =>
  column.values.slice(index * CHUNK_ELEMENTS, (index + 1) * CHUNK_ELEMENTS)

export class ChunkError extends Error {
  override name = 'ChunkError'
}

/** The column again from its chunks, checked against the length and type it was stored with. */
export function assembleColumn(
  type: ColumnType,
  length: number,
  chunks: readonly ChunkData[]
): Column {
  if (type === 'strings') {
    const values = chunks.flatMap((chunk) => {
      if (!Array.isArray(chunk)) throw new ChunkError('a string column has a binary chunk')
      return chunk
    })
    if (values.length !== length)
      throw new ChunkError(`a string column has ${values.length} of its ${length} entries`)
    return { type, values }
  }
  const Type = TYPED_COLUMNS[type]
  const values = new Type(length)
  let at = 0
  for (const chunk of chunks) {
    if (!(chunk instanceof Type))
      throw new ChunkError(`a ${type} column has a chunk of another type`)
    if (at + chunk.length > length) throw new ChunkError(`a ${type} column is longer than stored`)
    values.set(chunk as never, at)
    at += chunk.length
  }
  if (at !== length) throw new ChunkError(`a ${type} column has ${at} of its ${length} entries`)
  return { type, values } as Column
}

/**
 * Whether chunk `index` of two columns holds the same values, bit for bit: floats compare as
 * their bytes, so NaN equals itself (with its payload) and −0 differs from 0, as stored.
 */
export function sameChunk(a: Column, b: Column, index: number): boolean {
  const start = index * CHUNK_ELEMENTS
  const end = Math.min(start + CHUNK_ELEMENTS, a.values.length)
  if (
    a.type !== b.type ||
    start >= end ||
    Math.min(start + CHUNK_ELEMENTS, b.values.length) !== end
  )
    return false
  if (a.type === 'strings') {
    const x = a.values
    const y = b.values as string[]
    for (let i = start; i < end; i++) if (x[i] !== y[i]) return false
    return true
  }
  const x = a.values
  const y = b.values as TypedColumn
  if (x instanceof Float64Array || x instanceof Float32Array) {
    const words = (values: TypedColumn) =>
      new Int32Array(
        values.buffer,
        values.byteOffset + start * values.BYTES_PER_ELEMENT,
        ((end - start) * values.BYTES_PER_ELEMENT) / 4
      )
    const p = words(x)
    const q = words(y)
    for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false
    return true
  }
  for (let i = start; i < end; i++) if (x[i] !== y[i]) return false
  return true
}
