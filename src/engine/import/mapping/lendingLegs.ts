import type { LegRole, LendingLegRow } from '../../lending/legRow'
import { CellRejection } from '../cellRejection'
import { readLeg } from '../lendingRecord'
import { parseDecimal } from '../numberNotation'
import { quoteValue } from '../quoteValue'
import type { RecordCells } from '../recordCells'
import type { FieldRule, LendingMapping } from './columnMapping'

/** The helper fields an account export's legs are read into. */
export const LEG_FIELDS = {
  collateral: 'collateral_amount',
  collateralEnabled: 'collateral_enabled',
  debt: 'debt_amount'
} as const

/** The mapping's fields with its legs as helper fields, so one resolver handles both. */
export function lendingRuleFields(mapping: LendingMapping): Record<string, FieldRule> {
  const fields: Record<string, FieldRule> = { ...mapping.fields }
  const { collateral, collateralEnabled, debt } = mapping.legs ?? {}
  if (collateral) fields[LEG_FIELDS.collateral] = collateral
  if (collateralEnabled) fields[LEG_FIELDS.collateralEnabled] = collateralEnabled
  if (debt) fields[LEG_FIELDS.debt] = debt
  return fields
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 't'])
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'f'])

function enabledAsCollateral(cells: RecordCells<string>): boolean {
  const text = cells.text(LEG_FIELDS.collateralEnabled)
  if (text === '' || TRUE_WORDS.has(text.toLowerCase())) return true
  if (FALSE_WORDS.has(text.toLowerCase())) return false
  throw new CellRejection(
    LEG_FIELDS.collateralEnabled,
    `${LEG_FIELDS.collateralEnabled} must be true or false; got ${quoteValue(text)}`
  )
}

/** An amount column of an account export: blank is nothing held. */
function heldAmount(cells: RecordCells<string>, field: string): number {
  const text = cells.text(field)
  if (text === '') return 0
  const value = parseDecimal(text)
  if (value === null || value < 0) {
    throw new CellRejection(field, `${field} must be a number, 0 or more; got ${quoteValue(text)}`)
  }
  return value
}

function legCells(cells: RecordCells<string>, role: LegRole, amount: number): RecordCells<string> {
  return {
    text: (field) =>
      field === 'role' ? role : field === 'amount' ? String(amount) : cells.text(field),
    extra: () => cells.extra()
  }
}

/**
 * The legs one row of an account export holds: a collateral leg for what was supplied (when it
 * counts as collateral), a debt leg for what was borrowed. A row with neither is rejected, so every
 * row read is imported or reported.
 */
export function readAccountLegs(cells: RecordCells<string>): LendingLegRow[] {
  const supplied = heldAmount(cells, LEG_FIELDS.collateral)
  const borrowed = heldAmount(cells, LEG_FIELDS.debt)
  const legs: LendingLegRow[] = []
  if (supplied > 0 && enabledAsCollateral(cells))
    legs.push(readLeg(legCells(cells, 'collateral', supplied)))
  if (borrowed > 0) legs.push(readLeg(legCells(cells, 'debt', borrowed)))
  if (legs.length === 0) {
    const reason =
      supplied > 0
        ? 'supplied but not used as collateral, and nothing borrowed: no lending leg'
        : 'nothing supplied and nothing borrowed: no lending leg'
    throw new CellRejection(null, reason)
  }
  return legs
}
