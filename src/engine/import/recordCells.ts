import { CellRejection } from './cellRejection'
import type { ResolvedHeader } from './columnLayout'

/** One record's cells, looked up by canonical column name. */
export interface RecordCells<F extends string> {
  /** The trimmed cell, or '' when the file has no such column. */
  text(field: F): string
  /** Non-blank cells of the columns the layout does not know, as they came; undefined if none. */
  extra(): Record<string, string> | undefined
}

export function recordCells<F extends string>(
  fields: readonly string[],
  header: ResolvedHeader<F>
): RecordCells<F> {
  return {
    text(field) {
      const index = header.columns[field]
      return index === undefined ? '' : fields[index].trim()
    },
    extra() {
      let extra: Record<string, string> | undefined
      for (let k = 0; k < header.extra.length; k++) {
        const value = fields[header.extraIndices[k]]
        if (value.trim() === '') continue
        // No prototype, so a column named __proto__ is kept like any other.
        extra ??= Object.create(null) as Record<string, string>
        extra[header.extra[k]] = value
      }
      return extra
    }
  }
}

export function requiredText<F extends string>(cells: RecordCells<F>, field: F): string {
  const text = cells.text(field)
  if (text === '') throw new CellRejection(field, `${field} is required`)
  return text
}
