import { CellRejection } from '../cellRejection'
import { quoteValue } from '../quoteValue'
import type { RecordCells } from '../recordCells'
import type { RecordResult } from '../rowError'
import { mappedCells } from './mappedCells'
import type { ResolvedMapping } from './resolvedMapping'

/** Why the row filter leaves a record out, or null when it keeps it. */
function filteredOut(fields: readonly string[], mapping: ResolvedMapping): string | null {
  const filter = mapping.keepRows
  if (filter === null) return null
  const value = fields[filter.index].trim()
  if (filter.values.has(value.toLowerCase())) return null
  return `${filter.column} is ${quoteValue(value)}: only rows with ${filter.column} ${filter.listed} are imported`
}

/**
 * Runs a row reader over one record through a mapping, as mapRecord does through a canonical
 * header: a record of the wrong width or left out by the row filter is rejected as a whole, and a
 * CellRejection becomes the record's RowError.
 */
export function readMappedRecord<R>(
  fields: readonly string[],
  mapping: ResolvedMapping,
  line: number,
  read: (cells: RecordCells<string>) => R
): RecordResult<R> {
  const fail = (column: string | null, reason: string): RecordResult<R> => ({
    ok: false,
    error: { line, column, reason }
  })
  if (fields.length !== mapping.width) {
    return fail(null, `expected ${mapping.width} fields, found ${fields.length}`)
  }
  const filtered = filteredOut(fields, mapping)
  if (filtered !== null) return fail(null, filtered)
  try {
    return { ok: true, row: read(mappedCells(fields, mapping, line)) }
  } catch (error) {
    if (!(error instanceof CellRejection)) throw error
    return fail(error.column, error.reason)
  }
}
