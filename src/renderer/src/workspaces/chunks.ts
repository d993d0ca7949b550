import { TYPED_COLUMNS, type Column, type ColumnType, type TypedColumn } from './columns'

/**
 * Elements per stored chunk: a million-position column is 8 chunks of 1 MB (Float64), few
 * enough records to write in one transaction quickly, small enough to never need one huge value.
 */
export const CHUNK_ELEMENTS = 1 << 17

export type ChunkData = TypedColumn | string[]

/** A column cut into chunks; each is a copy, so storing one never clones the whole buffer. */
export function chunkColumn(column: Column): ChunkData[] {
  const { length } = column.values
  const chunks: ChunkData[] = []
  for (let start = 0; start < length; start += CHUNK_ELEMENTS)
    chunks.push(column.values.slice(start, start + CHUNK_ELEMENTS))
  return chunks
}

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
