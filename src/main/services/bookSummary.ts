import { CROSS, INVERSE } from '../../engine/book/columns'
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

interface Accumulator {
  positions: number
  longNotional: number
  shortNotional: number
  leverageNotional: number
  leverageWeighted: number
  nearNotional: number
}

const emptyAccumulator = (): Accumulator => ({
  positions: 0,
  longNotional: 0,
  shortNotional: 0,
  leverageNotional: 0,
  leverageWeighted: 0,
  nearNotional: 0
})

function totals(key: string, a: Accumulator): GroupTotals {
  return {
    key,
    positions: a.positions,
    longNotional: a.longNotional,
    shortNotional: a.shortNotional,
    averageLeverage: a.leverageNotional > 0 ? a.leverageWeighted / a.leverageNotional : null,
    nearNotional: a.nearNotional
  }
}

function grouped(groups: Map<string, Accumulator>): GroupTotals[] {
  return [...groups]
    .map(([key, a]) => totals(key, a))
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

/** One pass over the book: totals by venue, symbol and side, and notional by distance. */
export function summarizeBook(
  live: LiveBook,
  lending: readonly LendingPosition[],
  version: number
): BookSummary {
  const { book, table } = live
  const all = emptyAccumulator()
  const byVenue = new Map<string, Accumulator>()
  const bySymbol = new Map<string, Accumulator>()
  const bySide = new Map<string, Accumulator>([
    ['long', emptyAccumulator()],
    ['short', emptyAccumulator()]
  ])
  const histogram: DistanceHistogram = {
    edges: Array.from({ length: DISTANCE_BUCKETS + 1 }, (_, k) => k * DISTANCE_STEP),
    long: new Array(DISTANCE_BUCKETS + 1).fill(0),
    short: new Array(DISTANCE_BUCKETS + 1).fill(0)
  }
  const accounts = new Set<number>()
  let withoutLiquidationPrice = 0
  const groupIn = (map: Map<string, Accumulator>, key: string): Accumulator => {
    let a = map.get(key)
    if (!a) map.set(key, (a = emptyAccumulator()))
    return a
  }
  for (let i = 0; i < book.length; i++) {
    accounts.add(book.account[i])
    const mark = table.markPrice[i]
    const inverse = book.contract[i] === INVERSE
    const notional = inverse ? book.size[i] : book.size[i] * mark
    const long = book.side[i] > 0
    const distance = table.distance[i]
    if (Number.isNaN(table.liquidationPrice[i])) withoutLiquidationPrice++
    const isolatedMargin = book.marginMode[i] === CROSS ? NaN : book.margin[i]
    const leverage = Number.isNaN(book.leverage[i])
      ? notional / (inverse ? isolatedMargin * mark : isolatedMargin)
      : book.leverage[i]
    const near = distance < NEAR_THRESHOLD
    const side = long ? 'long' : 'short'
    for (const a of [
      all,
      groupIn(byVenue, book.venues.names[book.venue[i]]),
      groupIn(bySymbol, book.symbols.names[book.symbol[i]]),
      groupIn(bySide, side)
    ]) {
      a.positions++
      if (!(notional > 0)) continue
      if (long) a.longNotional += notional
      else a.shortNotional += notional
      if (leverage > 0 && Number.isFinite(leverage)) {
        a.leverageNotional += notional
        a.leverageWeighted += leverage * notional
      }
      if (near) a.nearNotional += notional
    }
    if (notional > 0 && distance >= 0) {
      const bucket = Math.min(DISTANCE_BUCKETS, Math.floor(distance / DISTANCE_STEP))
      histogram[side][bucket] += notional
    }
  }
  return {
    version,
    positions: book.length,
    accounts: accounts.size,
    longNotional: all.longNotional,
    shortNotional: all.shortNotional,
    nearThreshold: NEAR_THRESHOLD,
    nearNotional: all.nearNotional,
    withoutLiquidationPrice,
    issues: table.issues.length,
    byVenue: grouped(byVenue),
    bySymbol: grouped(bySymbol),
    bySide: grouped(bySide),
    distance: histogram,
    lending: lendingTotals(lending, live.prices)
  }
}
