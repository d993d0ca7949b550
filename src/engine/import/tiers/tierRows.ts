import { TierTableError, type TierRecord } from '../../margin/tierTable'

/**
 * One tier as a venue's table writes it. Tables name a tier's lower bound (`notional_floor`,
 * Binance's notionalFloor), its upper bound (`notional_cap`, Bybit's riskLimitValue) or both;
 * null is a cell the table leaves out.
 */
export interface TierRow {
  line: number
  floor: number | null
  cap: number | null
  rate: number | null
  amount: number | null
  maxLeverage: number | null
}

const positive = (value: number | null): boolean =>
  value !== null && Number.isFinite(value) && value > 0

/** Caps ascend, each tier's cap is where the next begins, and leverage does not rise with size. */
function checkBounds(rows: readonly TierRow[], where: string): void {
  rows.forEach((row, i) => {
    const at = `${where}, line ${row.line}`
    if (row.cap !== null) {
      if (!positive(row.cap))
        throw new TierTableError(`${at}: notional_cap must be a number > 0, got ${row.cap}`)
      const previous = rows[i - 1]?.cap
      if (previous != null && row.cap <= previous)
        throw new TierTableError(`${at}: notional caps must ascend (${row.cap} after ${previous})`)
      const next = rows[i + 1]
      if (next?.floor != null && next.floor !== row.cap) {
        throw new TierTableError(
          `${at}: the tier ends at ${row.cap} but the next one starts at ${next.floor} (line ${next.line}): tiers must meet`
        )
      }
    }
    const before = rows[i - 1]?.maxLeverage
    if (row.maxLeverage !== null && before != null && row.maxLeverage > before) {
      throw new TierTableError(
        `${at}: max leverage must not rise with the notional (${row.maxLeverage} after ${before})`
      )
    }
  })
}

/**
 * The records buildTierTable validates further (floors from 0 and ascending, rates ascending, the
 * maintenance-amount recursion), with floors taken from the previous cap where a table gives caps
 * only. Throws TierTableError naming the line.
 */
export function tierRecordsOf(rows: readonly TierRow[], where: string): TierRecord[] {
  checkBounds(rows, where)
  return rows.map((row, i) => {
    const floor = row.floor ?? (i === 0 ? 0 : rows[i - 1].cap)
    if (floor === null) {
      throw new TierTableError(
        `${where}, line ${row.line}: needs notional_floor, or notional_cap on every tier`
      )
    }
    return {
      line: row.line,
      notionalFloor: floor,
      maintenanceMarginRate: row.rate,
      maintenanceAmount: row.amount,
      maxLeverage: row.maxLeverage
    }
  })
}
