/**
 * A venue's maintenance-margin tiers for one symbol. Notional is in the margin currency (quote for
 * linear contracts, the coin for inverse ones). `amounts` are the maintenance amounts (`cum`) that
 * keep the maintenance margin continuous across tier boundaries.
 */
export interface TierTable {
  venue: string
  symbol: string
  floors: Float64Array
  rates: Float64Array
  amounts: Float64Array
  /** NaN where the source does not say. */
  maxLeverage: Float64Array
}

export interface TierRecord {
  line: number
  notionalFloor: number
  maintenanceMarginRate: number | null
  maintenanceAmount: number | null
  maxLeverage: number | null
}

export class TierTableError extends Error {
  override name = 'TierTableError'
}

const RECURSION_TOLERANCE = 1e-6

/** Validates the records and completes rates (from max leverage) and amounts (from the recursion). */
export function buildTierTable(
  venue: string,
  symbol: string,
  records: readonly TierRecord[]
): TierTable {
  const where = `tier table ${venue}/${symbol}`
  if (records.length === 0) throw new TierTableError(`${where}: no tiers`)
  const n = records.length
  const table: TierTable = {
    venue,
    symbol,
    floors: new Float64Array(n),
    rates: new Float64Array(n),
    amounts: new Float64Array(n),
    maxLeverage: new Float64Array(n)
  }
  records.forEach((record, i) => {
    const at = `${where}, line ${record.line}`
    const { notionalFloor, maxLeverage } = record
    if (!Number.isFinite(notionalFloor) || notionalFloor < 0) {
      throw new TierTableError(
        `${at}: notional_floor must be a finite number >= 0, got ${notionalFloor}`
      )
    }
    if (i === 0 && notionalFloor !== 0)
      throw new TierTableError(`${at}: the first tier must start at notional 0`)
    if (i > 0 && notionalFloor <= table.floors[i - 1]) {
      throw new TierTableError(
        `${at}: notional floors must ascend (${notionalFloor} after ${table.floors[i - 1]})`
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
    const derived = i === 0 ? 0 : notionalFloor * (rate - table.rates[i - 1]) + table.amounts[i - 1]
    const given = record.maintenanceAmount
    if (
      given !== null &&
      Math.abs(given - derived) > RECURSION_TOLERANCE * Math.max(1, Math.abs(derived))
    ) {
      throw new TierTableError(
        `${at}: maintenance_amount ${given} breaks the recursion cum_n = floor_n*(MMR_n - MMR_n-1) + cum_n-1, which gives ${derived}`
      )
    }
    table.floors[i] = notionalFloor
    table.rates[i] = rate
    table.amounts[i] = given ?? derived
    table.maxLeverage[i] = maxLeverage ?? NaN
  })
  return table
}

/** Index of the tier a notional falls in: the last tier whose floor is at or below it. */
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
    floors: Float64Array.of(0),
    rates: Float64Array.of(rate),
    amounts: Float64Array.of(amount),
    maxLeverage: Float64Array.of(NaN)
  }
}
