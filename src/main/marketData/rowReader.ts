import { parseDecimal } from '../../engine/import/numberNotation'
import { quoteValue } from '../../engine/import/quoteValue'
import { parseTimestamp } from '../../engine/import/series/parseTimestamp'
import type { SeriesIssue } from '../../engine/import/series/seriesError'

/** Reads cells of one row by column index, collecting what is wrong with them instead of stopping. */
export class RowReader {
  readonly issues: SeriesIssue[] = []
  private rowIssues = 0

  constructor(
    private readonly cells: readonly string[],
    private readonly line: number
  ) {}

  get ok(): boolean {
    return this.rowIssues === 0
  }

  time(at: number): number {
    const text = this.cells[at] ?? ''
    const time = parseTimestamp(text)
    if (time === null)
      this.fail(`timestamp is not a date, time or epoch number: ${quoteValue(text)}`)
    return time ?? NaN
  }

  /** A number in the column, or NaN when the column is absent (at < 0) or the cell blank and `optional`. */
  number(at: number, name: string, optional = false): number {
    if (at < 0) return NaN
    const text = (this.cells[at] ?? '').trim()
    if (text === '' && optional) return NaN
    const value = parseDecimal(text)
    if (value === null || value < 0) {
      this.fail(`${name} must be a number, 0 or more; got ${quoteValue(text)}`)
      return NaN
    }
    return value
  }

  fail(reason: string): void {
    this.rowIssues++
    this.issues.push({ line: this.line, reason })
  }
}
