import { CellRejection } from './cellRejection'
import { quoteValue } from './quoteValue'
import type { RecordCells } from './recordCells'

/** The words a column accepts (lower case, single spaces) and the value each one stands for. */
export interface Choices<T> {
  words: ReadonlyMap<string, T>
  expectation: string
}

/** Entries rather than an object, whose integer-like keys (`'1'`) would jump the listed order. */
export function choices<T>(entries: ReadonlyArray<readonly [string, T]>): Choices<T> {
  return {
    words: new Map(entries),
    expectation: `must be one of ${entries.map(([word]) => word).join(', ')}`
  }
}

const normalizeWord = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ')

/** The value a word stands for, in any case; undefined when the column does not list it. */
export const choiceOf = <T>(text: string, accepted: Choices<T>): T | undefined =>
  // Most cells are already a listed word: skip the normalising regular expression for them.
  accepted.words.get(text) ?? accepted.words.get(normalizeWord(text))

/** The value the cell's word stands for, in any case; null when blank or the column is absent. */
export function optionalChoice<F extends string, T>(
  cells: RecordCells<F>,
  field: F,
  accepted: Choices<T>
): T | null {
  const text = cells.text(field)
  if (text === '') return null
  const value = choiceOf(text, accepted)
  if (value === undefined) {
    throw new CellRejection(field, `${field} ${accepted.expectation}; got ${quoteValue(text)}`)
  }
  return value
}

export function requiredChoice<F extends string, T>(
  cells: RecordCells<F>,
  field: F,
  accepted: Choices<T>
): T {
  const value = optionalChoice(cells, field, accepted)
  if (value === null) throw new CellRejection(field, `${field} is required`)
  return value
}
