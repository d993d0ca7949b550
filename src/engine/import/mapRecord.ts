import { CellRejection } from './cellRejection'
import type { ResolvedHeader } from './columnLayout'
import { recordCells, type RecordCells } from './recordCells'
import type { RecordResult } from './rowError'

/**
 * Runs a row reader over one record: a record whose field count differs from the header's is
 * rejected as a whole, and a CellRejection from the reader becomes the record's RowError.
 */
export function mapRecord<F extends string, R>(
  fields: readonly string[],
  header: ResolvedHeader<F>,
  line: number,
  read: (cells: RecordCells<F>) => R
): RecordResult<R> {
  if (fields.length !== header.width) {
    const reason = `expected ${header.width} fields, found ${fields.length}`
    return { ok: false, error: { line, column: null, reason } }
  }
  try {
    return { ok: true, row: read(recordCells(fields, header)) }
  } catch (error) {
    if (!(error instanceof CellRejection)) throw error
    return { ok: false, error: { line, column: error.column, reason: error.reason } }
  }
}
