import { INVERSE } from '../../engine/book/columns'
import { impliedLeverage } from '../../engine/book/impliedLeverage'
import { assetPrice } from '../../engine/lending/assetPrices'
import { collateralValue, debtValue } from '../../engine/lending/health'
import type { LendingPosition } from '../../engine/lending/lendingBook'
import type {
  BookSummary,
  DistanceHistogram,
  GroupTotals,
  LendingTotals
} from '../../shared/bookSummary'
import type { LiveBook } from './liveBook'

/** "Near liquidation": within 5% of the mark, the band a desk watches first. */
const NEAR_THRESHOLD = 0.05
const DISTANCE_STEP = 0.025
const DISTANCE_BUCKETS = 20
const LENDING_WATCH_HEALTH = 1.1

/** Per group, the running sums one pass over the book keeps, packed `FIELDS` to a group. */
const POSITIONS = 0
const LONG = 1
const SHORT = 2
const LEVERAGE_NOTIONAL = 3
const LEVERAGE_WEIGHTED = 4
const NEAR = 5
const FIELDS = 6

function totals(key: string, sums: Float64Array, group: number): GroupTotals {
  const at = group * FIELDS
  const leverageNotional = sums[at + LEVERAGE_NOTIONAL]
  return {
    key,
    positions: sums[at + POSITIONS],
    longNotional: sums[at + LONG],
    shortNotional: sums[at + SHORT],
    averageLeverage: leverageNotional > 0 ? sums[at + LEVERAGE_WEIGHTED] / leverageNotional : null,
    nearNotional: sums[at + NEAR]
  }
}

/** Busiest first; a venue or symbol no position uses any more (after edits) is left out. */
function grouped(names: readonly string[], sums: Float64Array, keepEmpty = false): GroupTotals[] {
  return names
    .map((name, group) => totals(name, sums, group))
    .filter((group) => keepEmpty || group.positions > 0)
    .sort((a, b) => b.longNotional + b.shortNotional - (a.longNotional + a.shortNotional))
}

function lendingTotals(
  positions: readonly LendingPosition[],
  prices: ReadonlyMap<string, number>
): LendingTotals {
  const result: LendingTotals = {
    positions: positions.length,
    collateralValue: 0,
    debtValue: 0,
    aggregateHealth: null,
    nearLiquidation: 0
  }
  let weighted = 0
  for (const position of positions) {
    try {
      const debt = debtValue(position, prices)
      let threshold = 0
      for (const leg of position.collateral)
        threshold += leg.amount * assetPrice(leg.asset, prices) * leg.liquidationThreshold
      result.collateralValue += collateralValue(position, prices)
      result.debtValue += debt
      weighted += threshold
      if (debt > 0 && threshold / debt < LENDING_WATCH_HEALTH) result.nearLiquidation++
    } catch {
      // An asset without a price: the borrower cannot be valued, so it is left out of the totals.
    }
  }
  if (result.debtValue > 0) result.aggregateHealth = weighted / result.debtValue
  return result
}

/**
 * One pass over the book: totals by venue, symbol and side, and notional by distance. Groups
 * are summed by their string codes in flat arrays, so a million positions take milliseconds:
 * the summary is recomputed after every edit.
 */
export function summarizeBook(
  live: LiveBook,
  lending: readonly LendingPosition[],
  version: number
): BookSummary {
  const { book, table } = live
  const all = new Float64Array(FIELDS)
  const byVenue = new Float64Array(book.venues.names.length * FIELDS)
  const bySymbol = new Float64Array(book.symbols.names.length * FIELDS)
  const bySide = new Float64Array(2 * FIELDS)
  const histogram: DistanceHistogram = {
    edges: Array.from({ length: DISTANCE_BUCKETS + 1 }, (_, k) => k * DISTANCE_STEP),
    long: new Array(DISTANCE_BUCKETS + 1).fill(0),
    short: new Array(DISTANCE_BUCKETS + 1).fill(0)
  }
  const accountSeen = new Uint8Array(book.accounts.names.length)
  let accounts = 0
  let withoutLiquidationPrice = 0
  for (let i = 0; i < book.length; i++) {
    if (accountSeen[book.account[i]] === 0) {
      accountSeen[book.account[i]] = 1
      accounts++
    }
    const mark = table.markPrice[i]
    const inverse = book.contract[i] === INVERSE
    const notional = inverse ? book.size[i] : book.size[i] * mark
    const long = book.side[i] > 0
    const distance = table.distance[i]
    if (Number.isNaN(table.liquidationPrice[i])) withoutLiquidationPrice++
    const leverage = impliedLeverage(book, i, mark)
    const counted = notional > 0
    const levered = counted && leverage > 0 && Number.isFinite(leverage)
    const near = counted && distance < NEAR_THRESHOLD
    const counts = counted ? notional : 0
    const leverageNotional = levered ? notional : 0
    const leverageWeighted = levered ? leverage * notional : 0
    const nearNotional = near ? notional : 0
    const side = long ? LONG : SHORT
    for (const [sums, at] of [
      [all, 0],
      [byVenue, book.venue[i] * FIELDS],
      [bySymbol, book.symbol[i] * FIELDS],
      [bySide, (long ? 0 : 1) * FIELDS]
    ] as const) {
      sums[at + POSITIONS]++
      sums[at + side] += counts
      sums[at + LEVERAGE_NOTIONAL] += leverageNotional
      sums[at + LEVERAGE_WEIGHTED] += leverageWeighted
      sums[at + NEAR] += nearNotional
    }
    if (counted && distance >= 0) {
      const bucket = Math.min(DISTANCE_BUCKETS, Math.floor(distance / DISTANCE_STEP))
      histogram[long ? 'long' : 'short'][bucket] += notional
    }
  }
  return {
    version,
    positions: book.length,
    accounts,
    longNotional: all[LONG],
    shortNotional: all[SHORT],
    nearThreshold: NEAR_THRESHOLD,
    nearNotional: all[NEAR],
    withoutLiquidationPrice,
    issues: table.issues.length,
    byVenue: grouped(book.venues.names, byVenue),
    bySymbol: grouped(book.symbols.names, bySymbol),
    bySide: grouped(['long', 'short'], bySide, true),
    distance: histogram,
    lending: lendingTotals(lending, live.prices)
  }
}
