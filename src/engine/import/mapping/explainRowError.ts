import { quoteValue } from '../quoteValue'
import type { RowError } from '../rowError'
import { hasSource, sourceColumn, type ResolvedMapping } from './resolvedMapping'
import { headerKey } from './headerKey'

/** How the user can supply a field the file lacks, worded for where they are (CLI, dialog). */
export type MissingFieldHint = (field: string) => string

export const DEFAULT_MISSING_FIELD_HINT: MissingFieldHint = (field) =>
  `give ${field} a value in the column mapping`

/**
 * Says where a rejected value came from: the file's own column when it has another name than the
 * field, or, when the file has no such column at all, how to supply the value instead.
 */
export function explainRowError(
  error: RowError,
  mapping: ResolvedMapping,
  hint: MissingFieldHint
): RowError {
  if (error.column === null) return error
  const rule = mapping.rules.get(error.column)
  const column = sourceColumn(rule)
  if (column !== null) {
    if (headerKey(column) === headerKey(error.column)) return error
    return { ...error, reason: `${error.reason} (file column ${quoteValue(column)})` }
  }
  if (hasSource(rule)) return error
  return {
    ...error,
    reason: `${error.reason}: the file has no ${error.column} column; ${hint(error.column)}`
  }
}
