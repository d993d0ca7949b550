const NEEDS_QUOTES = /[",\r\n]/
/** Spreadsheets run a cell that starts like a formula; a leading quote keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell for CSV output: formula-injection safe, quoted when it has to be. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A number cell: exact round-trip digits, empty when there is no value. */
export const csvNumber = (value: number): string => (Number.isFinite(value) ? String(value) : '')
