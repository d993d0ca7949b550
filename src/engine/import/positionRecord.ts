import type { ContractKind, MarginMode, PositionRow, Side } from '../book/positionRow'
import { CellRejection } from './cellRejection'
import { choices, optionalChoice, requiredChoice } from './choiceCells'
import { mapRecord } from './mapRecord'
import { NON_NEGATIVE, POSITIVE, optionalNumber, requiredNumber, type Bound } from './numberCells'
import { parseFraction, parseLeverage } from './numberNotation'
import type { PositionField, PositionHeader } from './positionColumns'
import { requiredText, type RecordCells } from './recordCells'
import type { RecordResult } from './rowError'

export const DEFAULT_VENUE = 'generic'

export const SIDES = choices<Side>([
  ['long', 1],
  ['short', -1],
  ['buy', 1],
  ['sell', -1],
  ['+1', 1],
  ['-1', -1],
  ['1', 1],
  ['l', 1],
  ['s', -1]
])
export const CONTRACTS = choices<ContractKind>([
  ['linear', 'linear'],
  ['inverse', 'inverse']
])
export const MARGIN_MODES = choices<MarginMode>([
  ['isolated', 'isolated'],
  ['cross', 'cross'],
  ['isolated margin', 'isolated'],
  ['cross margin', 'cross']
])
export const LEVERAGE: Bound = {
  accepts: (value) => value >= 1 && value <= 1000,
  expectation: 'must be between 1 and 1000'
}
export const MAINTENANCE_RATE: Bound = {
  accepts: (value) => value >= 0 && value < 1,
  expectation: 'must be a fraction in [0, 1), such as 0.005 or 0.5%'
}

type Cells = RecordCells<PositionField>

/** Isolated rows stand alone, so they may fall back on their id; a cross wallet needs a name. */
function accountOf(cells: Cells, id: string, marginMode: MarginMode): string {
  const account = cells.text('account')
  if (account !== '') return account
  if (marginMode === 'cross') throw new CellRejection('account', 'cross rows need an account')
  return id
}

/** The isolated margin, derived from the leverage when not given, in the margin currency. */
function marginOf(
  cells: Cells,
  marginMode: MarginMode,
  contract: ContractKind,
  notional: { size: number; entryPrice: number; leverage: number | null }
): number | null {
  const given = optionalNumber(cells, 'margin', NON_NEGATIVE)
  if (given !== null || marginMode === 'cross') return given
  const { size, entryPrice, leverage } = notional
  if (leverage === null) throw new CellRejection('margin', 'isolated rows need margin or leverage')
  // Inverse sizes are USD contract value, so the coin margin divides by the price.
  return contract === 'linear' ? (size * entryPrice) / leverage : size / entryPrice / leverage
}

function walletBalanceOf(cells: Cells, marginMode: MarginMode): number | null {
  if (marginMode === 'isolated') return null
  if (cells.text('wallet_balance') === '') {
    throw new CellRejection('wallet_balance', 'cross rows need wallet_balance')
  }
  return requiredNumber(cells, 'wallet_balance', NON_NEGATIVE)
}

/**
 * A maintenance amount overrides the tier table together with the row's own rate: alone it would
 * be dropped without a word, so the row is refused instead.
 */
function maintenanceAmountOf(cells: Cells, mmr: number | null): number | null {
  const amount = optionalNumber(cells, 'maintenance_amount', NON_NEGATIVE)
  if (amount !== null && mmr === null) {
    throw new CellRejection(
      'maintenance_amount',
      'maintenance_amount applies only with mmr (the two replace the tier table): give mmr too, or leave it blank'
    )
  }
  return amount
}

/** Reads one position from a record's canonical cells; throws CellRejection for a bad cell. */
export function readPosition(cells: Cells): PositionRow {
  const id = requiredText(cells, 'id')
  const symbol = requiredText(cells, 'symbol')
  const side = requiredChoice(cells, 'side', SIDES)
  const size = requiredNumber(cells, 'size', POSITIVE)
  const entryPrice = requiredNumber(cells, 'entry_price', POSITIVE)
  const contract = optionalChoice(cells, 'contract', CONTRACTS) ?? 'linear'
  const marginMode = optionalChoice(cells, 'margin_mode', MARGIN_MODES) ?? 'isolated'
  const leverage = optionalNumber(cells, 'leverage', LEVERAGE, parseLeverage)
  const mmr = optionalNumber(cells, 'mmr', MAINTENANCE_RATE, parseFraction)
  const extra = cells.extra()
  return {
    id,
    account: accountOf(cells, id, marginMode),
    venue: cells.text('venue').toLowerCase() || DEFAULT_VENUE,
    symbol,
    contract,
    side,
    size,
    entryPrice,
    marginMode,
    margin: marginOf(cells, marginMode, contract, { size, entryPrice, leverage }),
    leverage,
    mmr,
    maintenanceAmount: maintenanceAmountOf(cells, mmr),
    walletBalance: walletBalanceOf(cells, marginMode),
    markPrice: optionalNumber(cells, 'mark_price', POSITIVE),
    ...(extra ? { extra } : {})
  }
}

/** Maps one data record of a canonical positions file to a PositionRow, or says why not. */
export function mapPositionRecord(
  fields: readonly string[],
  header: PositionHeader,
  line: number
): RecordResult<PositionRow> {
  return mapRecord(fields, header, line, readPosition)
}
