/**
 * Why one record was rejected. `line` is the physical line where the record starts, counting the
 * header as line 1 when nothing precedes it; `column` names the canonical column at fault, or is
 * null when the record as a whole is.
 */
export interface RowError {
  line: number
  column: string | null
  reason: string
}

export type RecordResult<R> = { ok: true; row: R } | { ok: false; error: RowError }
