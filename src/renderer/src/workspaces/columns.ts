/**
 * A workspace's data split in two: a small skeleton (plain values) and its columns (typed
 * arrays, and long string arrays such as a million position ids). Columns are what make a
 * workspace large; they are stored as chunks and exported as raw bytes, never as JSON rows.
 */
export const TYPED_COLUMNS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array
} as const

export type TypedColumnType = keyof typeof TYPED_COLUMNS
export type TypedColumn = InstanceType<(typeof TYPED_COLUMNS)[TypedColumnType]>
export type ColumnType = TypedColumnType | 'strings'

export type Column =
  { type: TypedColumnType; values: TypedColumn } | { type: 'strings'; values: string[] }

/** A string array this long or longer becomes a column; shorter ones stay in the skeleton. */
const STRING_COLUMN_MIN = 256
const REFERENCE = '$column'

export function typedColumnType(value: unknown): TypedColumnType | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null
  const name = value.constructor.name
  return Object.hasOwn(TYPED_COLUMNS, name) ? (name as TypedColumnType) : null
}

const isColumnReference = (value: unknown): value is { [REFERENCE]: number } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  typeof (value as Record<string, unknown>)[REFERENCE] === 'number'

export function splitColumns(value: unknown): { skeleton: unknown; columns: Column[] } {
  const columns: Column[] = []
  const walk = (item: unknown): unknown => {
    const type = typedColumnType(item)
    if (type !== null) {
      columns.push({ type, values: item as TypedColumn })
      return { [REFERENCE]: columns.length - 1 }
    }
    if (Array.isArray(item)) {
      if (item.length >= STRING_COLUMN_MIN && item.every((entry) => typeof entry === 'string')) {
        columns.push({ type: 'strings', values: item as string[] })
        return { [REFERENCE]: columns.length - 1 }
      }
      return item.map(walk)
    }
    if (typeof item === 'object' && item !== null)
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]))
    return item
  }
  return { skeleton: walk(value), columns }
}

export class ColumnReferenceError extends Error {
  override name = 'ColumnReferenceError'
}

export function joinColumns(skeleton: unknown, columns: readonly Column[]): unknown {
  const walk = (item: unknown): unknown => {
    if (isColumnReference(item)) {
      const column = columns[item[REFERENCE]]
      if (!column) throw new ColumnReferenceError(`column ${item[REFERENCE]} is missing`)
      return column.values
    }
    if (Array.isArray(item)) return item.map(walk)
    if (typeof item === 'object' && item !== null)
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]))
    return item
  }
  return walk(skeleton)
}

/** Bytes a column takes, as the workspace list reports sizes (strings as UTF-16, as stored). */
export function columnBytes(column: Column): number {
  if (column.type !== 'strings') return column.values.byteLength
  let bytes = 0
  for (const text of column.values) bytes += 2 * text.length + 8
  return bytes
}
