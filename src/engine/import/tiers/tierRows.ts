import { TierTableError, type TierRecord } from '../../margin/tierTable'
import type { TierMeasure } from '../../margin/tierMeasure'
import { decimalProduct } from '../mapping/decimalProduct'

/**
 * What a tier file's bounds count: notional (`notional_floor`/`notional_cap`, Binance's
 * notionalFloor, Bybit's riskLimitValue), position size (`size_floor`/`size_cap`), or contracts
 * (`contracts_floor`/`contracts_cap`, OKX's minSz/maxSz), which the contract value turns into size.
 */
export type TierBounds = 'notional' | 'size' | 'contracts'

/**
 * One tier as a venue's table writes it. Tables name a tier's lower bound (floor), its upper bound
 * (cap) or both, in the unit their TierBounds says; null is a cell the table leaves out.
 */
export interface TierRow {
  line: number
  floor: number | null
  cap: number | null
  rate: number | null
  amount: number | null
  maxLeverage: number | null
  /** Position size of one contract (OKX's ctVal: 0.01 BTC for BTC-USDT-SWAP); contracts only. */
  contractValue: number | null
}

const positive = (value: number | null): value is number =>
  value !== null && Number.isFinite(value) && value > 0

/**
 * Whether the next tier starts where this one ends. Contract tables may also number whole
 * contracts, as OKX does: tier 1 up to maxSz 500, tier 2 from minSz 501.
 */
const meets = (cap: number, nextFloor: number, bounds: TierBounds): boolean =>
  nextFloor === cap || (bounds === 'contracts' && nextFloor === cap + 1)

/** Caps ascend, each tier's cap is where the next begins, and leverage does not rise with size. */
function checkBounds(rows: readonly TierRow[], where: string, bounds: TierBounds): void {
  rows.forEach((row, i) => {
    const at = `${where}, line ${row.line}`
    if (row.cap !== null) {
      if (!positive(row.cap))
        throw new TierTableError(`${at}: ${bounds}_cap must be a number > 0, got ${row.cap}`)
      const previous = rows[i - 1]?.cap
      if (previous != null && row.cap <= previous)
        throw new TierTableError(`${at}: ${bounds} caps must ascend (${row.cap} after ${previous})`)
      const next = rows[i + 1]
      if (next?.floor != null && !meets(row.cap, next.floor, bounds)) {
        throw new TierTableError(
          `${at}: the tier ends at ${row.cap} but the next one starts at ${next.floor} (line ${next.line}): tiers must meet`
        )
      }
    }
    const before = rows[i - 1]?.maxLeverage
    if (row.maxLeverage !== null && before != null && row.maxLeverage > before) {
      throw new TierTableError(
        `${at}: max leverage must not rise with the ${bounds === 'contracts' ? 'number of contracts' : bounds} (${row.maxLeverage} after ${before})`
      )
    }
  })
}

/**
 * The contract value that turns a contract table's bounds into sizes: given on every row, > 0,
 * and the same on every row (one instrument has one contract size). Tables in other units must
 * not give one, so a contract value is never silently ignored.
 */
function contractValueOf(rows: readonly TierRow[], where: string, bounds: TierBounds): number {
  if (bounds !== 'contracts') {
    const stray = rows.find((row) => row.contractValue !== null)
    if (stray) {
      throw new TierTableError(
        `${where}, line ${stray.line}: contract_value only applies to tiers counted in contracts (contracts_floor/contracts_cap, OKX's minSz/maxSz)`
      )
    }
    return 1
  }
  const first = rows[0]?.contractValue ?? null
  for (const row of rows) {
    const at = `${where}, line ${row.line}`
    if (!positive(row.contractValue)) {
      throw new TierTableError(
        row.contractValue === null
          ? `${at}: tiers counted in contracts need contract_value (OKX's ctVal, the size of one contract, e.g. 0.01 BTC for BTC-USDT-SWAP) to turn contracts into position size`
          : `${at}: contract_value must be a number > 0, got ${row.contractValue}`
      )
    }
    if (row.contractValue !== first) {
      throw new TierTableError(
        `${at}: contract_value changes between tiers (${row.contractValue} after ${first}): one table, one contract`
      )
    }
  }
  return first as number
}

/**
 * The records buildTierTable validates further (floors from 0 and ascending, rates ascending, the
 * maintenance-amount recursion for notional tiers), with floors taken from the previous cap where
 * a table gives caps, and contracts turned into sizes. Throws TierTableError naming the line.
 */
export function tierRecordsOf(
  rows: readonly TierRow[],
  where: string,
  bounds: TierBounds = 'notional'
): TierRecord[] {
  checkBounds(rows, where, bounds)
  const contractValue = contractValueOf(rows, where, bounds)
  return rows.map((row, i) => {
    // The previous cap first: a contract table's next floor may be one whole contract above it,
    // and a size tier runs from the previous cap (exclusive) to its own (inclusive).
    const floor = i === 0 ? (row.floor ?? 0) : (rows[i - 1].cap ?? row.floor)
    // OKX's minSz is the first whole contract of a tier (501 after 500): read as a floor, a
    // position of 500.5 contracts would land a tier low. Only the caps place the bounds right.
    if (bounds === 'contracts' && i > 0 && rows[i - 1].cap === null) {
      throw new TierTableError(
        `${where}, line ${rows[i - 1].line}: tiers counted in contracts need contracts_cap (OKX's maxSz) on every tier but the last`
      )
    }
    if (floor === null) {
      throw new TierTableError(
        `${where}, line ${row.line}: needs ${bounds}_floor, or ${bounds}_cap on every tier`
      )
    }
    return {
      line: row.line,
      notionalFloor: bounds === 'contracts' ? decimalProduct(floor, contractValue) : floor,
      maintenanceMarginRate: row.rate,
      maintenanceAmount: row.amount,
      maxLeverage: row.maxLeverage
    }
  })
}

/** The measure of the table a file's bounds build: contracts become sizes. */
export const tierMeasureOf = (bounds: TierBounds): TierMeasure =>
  bounds === 'notional' ? 'notional' : 'size'
