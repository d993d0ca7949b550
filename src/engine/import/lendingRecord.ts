import type { LegRole, LendingLegRow } from '../lending/legRow'
import { CellRejection } from './cellRejection'
import { choices, requiredChoice } from './choiceCells'
import type { LendingField, LendingHeader } from './lendingColumns'
import { mapRecord } from './mapRecord'
import { POSITIVE, requiredNumber, type Bound } from './numberCells'
import { parseFraction } from './numberNotation'
import { requiredText, type RecordCells } from './recordCells'
import type { RecordResult } from './rowError'

const ROLES = choices<LegRole>([
  ['collateral', 'collateral'],
  ['debt', 'debt']
])
const FRACTION_UP_TO_ONE: Bound = {
  accepts: (value) => value > 0 && value <= 1,
  expectation: 'must be a fraction in (0, 1], such as 0.825 or 82.5%'
}

type Cells = RecordCells<LendingField>

/** Collateral legs carry the protocol's risk parameters; debt legs have none to carry. */
function collateralParameter(
  cells: Cells,
  role: LegRole,
  field: 'liquidation_threshold' | 'liquidation_bonus'
): number | null {
  if (role === 'debt') return null
  if (cells.text(field) === '') throw new CellRejection(field, `collateral legs need ${field}`)
  return requiredNumber(cells, field, FRACTION_UP_TO_ONE, parseFraction)
}

/** Reads one leg from a record's canonical cells; throws CellRejection for a bad cell. */
export function readLeg(cells: Cells): LendingLegRow {
  const account = requiredText(cells, 'account')
  const protocol = requiredText(cells, 'protocol').toLowerCase()
  const asset = requiredText(cells, 'asset')
  const role = requiredChoice(cells, 'role', ROLES)
  return {
    account,
    protocol,
    asset,
    role,
    amount: requiredNumber(cells, 'amount', POSITIVE),
    liquidationThreshold: collateralParameter(cells, role, 'liquidation_threshold'),
    liquidationBonus: collateralParameter(cells, role, 'liquidation_bonus')
  }
}

/** Maps one data record of a lending legs file to a LendingLegRow, or says why not. */
export function mapLendingRecord(
  fields: readonly string[],
  header: LendingHeader,
  line: number
): RecordResult<LendingLegRow> {
  return mapRecord(fields, header, line, readLeg)
}
