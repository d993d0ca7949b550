import type { TierMeasure } from './tierMeasure'

/**
 * A venue's maintenance-margin tiers for one symbol. Floors count what `measure` says: notional in
 * the margin currency (quote for linear contracts, the coin for inverse ones), or position size.
 * `amounts` are the maintenance amounts (`cum`) that keep the maintenance margin continuous across
 * notional tier boundaries; size tables have none (see buildTierTable).
 */
export interface TierTable {
  venue: string
  symbol: string
  measure: TierMeasure
  floors: Float64Array
  rates: Float64Array
  amounts: Float64Array
  /** NaN where the source does not say. */
  maxLeverage: Float64Array
}

export interface TierRecord {
  line: number
  /** Where the tier starts, in the table's measure: a notional, or a size for size tables. */
  notionalFloor: number
  maintenanceMarginRate: number | null
  maintenanceAmount: number | null
  maxLeverage: number | null
}

export class TierTableError extends Error {
  override name = 'TierTableError'
}

const RECURSION_TOLERANCE = 1e-6

/** The file column a floor is read from, so errors name what the user wrote. */
const FLOOR_COLUMN: Record<TierMeasure, string> = {
  notional: 'notional_floor',
  size: 'size_floor'
}

/**
 * The maintenance amount a record may carry. Notional tiers: the recursion
 * `cum_n = floor_n*(MMR_n - MMR_n-1) + cum_n-1`, which makes the margin continuous where the
 * notional crosses a floor. Size tiers have no such amount: a size floor is crossed at a different
 * notional for every price, so no fixed amount keeps the margin continuous there, and the venues
 * that count size (OKX) charge the tier's rate on the whole position. An amount of 0 is accepted.
 */
function maintenanceAmount(
  record: TierRecord,
  measure: TierMeasure,
  derived: number,
  at: string
): number {
  const given = record.maintenanceAmount
  if (measure === 'size') {
    if (given !== null && given !== 0) {
      throw new TierTableError(
        `${at}: maintenance_amount ${given} is not allowed in a size tier table (a size boundary falls at a different notional at every price, so no fixed amount keeps the margin continuous): leave it out`
      )
    }
    return 0
  }
  if (
    given !== null &&
    Math.abs(given - derived) > RECURSION_TOLERANCE * Math.max(1, Math.abs(derived))
  ) {
    throw new TierTableError(
      `${at}: maintenance_amount ${given} breaks the recursion cum_n = floor_n*(MMR_n - MMR_n-1) + cum_n-1, which gives ${derived}`
    )
  }
  return given ?? derived
}

/**
 * Validates the records and completes rates (from max leverage) and amounts (from the recursion,
 * notional tables only). Floors start at 0 and ascend, rates lie in [0, 1) and do not decrease.
 */
export function buildTierTable(
  venue: string,
  symbol: string,
  records: readonly TierRecord[],
  measure: TierMeasure = 'notional'
): TierTable {
  const where = `tier table ${venue}/${symbol}`
  if (records.length === 0) throw new TierTableError(`${where}: no tiers`)
  const n = records.length
  const floorColumn = FLOOR_COLUMN[measure]
  const table: TierTable = {
    venue,
    symbol,
    measure,
    floors: new Float64Array(n),
    rates: new Float64Array(n),
    amounts: new Float64Array(n),
    maxLeverage: new Float64Array(n)
  }
  records.forEach((record, i) => {
    const at = `${where}, line ${record.line}`
    const { notionalFloor: floor, maxLeverage } = record
    if (!Number.isFinite(floor) || floor < 0) {
      throw new TierTableError(`${at}: ${floorColumn} must be a finite number >= 0, got ${floor}`)
    }
    if (i === 0 && floor !== 0)
      throw new TierTableError(`${at}: the first tier must start at ${measure} 0`)
    if (i > 0 && floor <= table.floors[i - 1]) {
      throw new TierTableError(
        `${at}: ${measure} floors must ascend (${floor} after ${table.floors[i - 1]})`
      )
    }
    if (maxLeverage !== null && (!Number.isFinite(maxLeverage) || maxLeverage < 1)) {
      throw new TierTableError(`${at}: max_leverage must be >= 1, got ${maxLeverage}`)
    }
    const rate =
      record.maintenanceMarginRate ?? (maxLeverage !== null ? 1 / (2 * maxLeverage) : NaN)
    if (!Number.isFinite(rate) || rate < 0 || rate >= 1) {
      throw new TierTableError(
        `${at}: maintenance_margin_rate must lie in [0, 1) (or give max_leverage), got ${rate}`
      )
    }
    if (i > 0 && rate < table.rates[i - 1]) {
      throw new TierTableError(
        `${at}: maintenance margin rates must not decrease (${rate} after ${table.rates[i - 1]})`
      )
    }
    const derived = i === 0 ? 0 : floor * (rate - table.rates[i - 1]) + table.amounts[i - 1]
    table.floors[i] = floor
    table.rates[i] = rate
    table.amounts[i] = maintenanceAmount(record, measure, derived, at)
    table.maxLeverage[i] = maxLeverage ?? NaN
  })
  return table
}

/**
 * Index of the tier a value falls in: the last tier whose floor is at or below it. For notional
 * tables; a position's tier in any table comes from positionTier.
 */
export function tierIndexAt(table: TierTable, notional: number): number {
  const floors = table.floors
  let lo = 0
  let hi = floors.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (floors[mid] <= notional) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** A single-tier table for a position that states its own rate and amount. */
export function flatTierTable(
  venue: string,
  symbol: string,
  rate: number,
  amount: number
): TierTable {
  return {
    venue,
    symbol,
    measure: 'notional',
    floors: Float64Array.of(0),
    rates: Float64Array.of(rate),
    amounts: Float64Array.of(amount),
    maxLeverage: Float64Array.of(NaN)
  }
}
