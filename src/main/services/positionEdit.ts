import type { PositionRow } from '../../engine/book/positionRow'
import { POSITION_FIELDS, resolveHeader } from '../../engine/import/positionColumns'
import { mapPositionRecord } from '../../engine/import/positionRecord'
import { CSV_FIELD_OF, type StoredColumn } from '../../shared/bookRow'

const HEADER = resolveHeader(POSITION_FIELDS)

/** A position as the canonical CSV record it would be imported from. */
function canonicalFields(row: PositionRow): string[] {
  const text = (value: number | null): string => (value === null ? '' : String(value))
  const byField: Record<(typeof POSITION_FIELDS)[number], string> = {
    id: row.id,
    account: row.account,
    venue: row.venue,
    symbol: row.symbol,
    contract: row.contract,
    side: row.side === 1 ? 'long' : 'short',
    size: text(row.size),
    entry_price: text(row.entryPrice),
    margin_mode: row.marginMode,
    margin: text(row.margin),
    leverage: text(row.leverage),
    mmr: text(row.mmr),
    maintenance_amount: text(row.maintenanceAmount),
    wallet_balance: text(row.walletBalance),
    mark_price: text(row.markPrice)
  }
  return POSITION_FIELDS.map((field) => byField[field])
}

export type EditedRow = { ok: true; row: PositionRow } | { ok: false; message: string }

/**
 * The position after one cell is changed to `text`, read by the importer's own record mapping,
 * so a cell is accepted in the grid exactly when it would be accepted in a file, with the same
 * message when it is not.
 */
export function editedRow(current: PositionRow, column: StoredColumn, text: string): EditedRow {
  const fields = canonicalFields(current)
  const at = (field: string): number => POSITION_FIELDS.indexOf(field as never)
  fields[at(CSV_FIELD_OF[column])] = text.trim()
  // The book cannot tell a stated margin from one derived from the leverage, and a leverage edit
  // that moved nothing would look broken: an isolated margin follows its new leverage.
  if (column === 'leverage' && current.marginMode === 'isolated') fields[at('margin')] = ''
  // Moving to cross keeps the money: the isolated margin becomes the wallet unless one is given.
  if (column === 'marginMode' && fields[at('wallet_balance')] === '')
    fields[at('wallet_balance')] = fields[at('margin')]
  const mapped = mapPositionRecord(fields, HEADER, 0)
  if (!mapped.ok) return { ok: false, message: mapped.error.reason }
  return { ok: true, row: current.extra ? { ...mapped.row, extra: current.extra } : mapped.row }
}
