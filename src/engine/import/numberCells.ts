import { CellRejection } from './cellRejection'
import { parseDecimal } from './numberNotation'
import { quoteValue } from './quoteValue'
import type { RecordCells } from './recordCells'

/** The values a column accepts, and how a reason says so. */
export interface Bound {
  accepts(value: number): boolean
  expectation: string
}

export const POSITIVE: Bound = {
  accepts: (value) => value > 0,
  expectation: 'must be greater than 0'
}
export const NON_NEGATIVE: Bound = {
  accepts: (value) => value >= 0,
  expectation: 'must be 0 or more'
}

type NumberParser = (text: string) => number | null

/** The cell's number, or null when the cell is blank or the column absent. */
export function optionalNumber<F extends string>(
  cells: RecordCells<F>,
  field: F,
  bound: Bound,
  parse: NumberParser = parseDecimal
): number | null {
  const text = cells.text(field)
  if (text === '') return null
  const value = parse(text)
  if (value === null)
    throw new CellRejection(field, `${field} is not a number: ${quoteValue(text)}`)
  if (!bound.accepts(value)) {
    throw new CellRejection(field, `${field} ${bound.expectation}, got ${quoteValue(text)}`)
  }
  return value
}

export function requiredNumber<F extends string>(
  cells: RecordCells<F>,
  field: F,
  bound: Bound,
  parse: NumberParser = parseDecimal
): number {
  const value = optionalNumber(cells, field, bound, parse)
  if (value === null) throw new CellRejection(field, `${field} is required`)
  return value
}
