import type { PositionRow } from '../book/positionRow'
import type { LendingLegRow } from '../lending/legRow'
import { LENDING_FIELDS } from '../import/lendingColumns'
import { POSITION_FIELDS } from '../import/positionColumns'

export function positionCsvHeader(): string {
  return POSITION_FIELDS.join(',')
}

/** Canonical columns only: `extra` columns belong to the file they came from. */
export function formatPositionCsvLine(row: PositionRow): string {
  return [
    row.id,
    row.account,
    row.venue,
    row.symbol,
    row.contract,
    row.side === 1 ? 'long' : 'short',
    row.size,
    row.entryPrice,
    row.marginMode,
    row.margin,
    row.leverage,
    row.mmr,
    row.maintenanceAmount,
    row.walletBalance,
    row.markPrice
  ]
    .map(csvField)
    .join(',')
}

export function lendingLegCsvHeader(): string {
  return LENDING_FIELDS.join(',')
}

export function formatLendingLegCsvLine(leg: LendingLegRow): string {
  return [
    leg.account,
    leg.protocol,
    leg.asset,
    leg.role,
    leg.amount,
    leg.liquidationThreshold,
    leg.liquidationBonus
  ]
    .map(csvField)
    .join(',')
}

/** String(n) is the shortest text that reads back as the same double, so numbers round-trip. */
function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
