import type { PositionRow } from '../book/positionRow'
import { BucketHeap } from './bucketHeap'
import { checkAssumptions, type EstimateAssumptions } from './estimateAssumptions'
import { liquidationPriceAt } from './liquidationPriceAt'
import type { CandleSeries, OpenInterestSeries } from './marketSeries'
import { openInterestAtBars } from './openInterestAtBars'

/** What the inference did with the open interest, in base units, for the user to check. */
export interface EstimateSummary {
  bars: number
  /** Bars whose open interest change could be measured. */
  measuredBars: number
  opened: number
  /** Closed by falling open interest, spread over the open estimated positions. */
  closed: number
  /** Dropped because a later bar crossed their liquidation price. */
  liquidated: number
  surviving: number
  /** Open interest already there at the first measured bar: its entries are unknown, so it is not placed. */
  unplaced: number
  /** The share of opened open interest assigned to longs. */
  longShare: number
}

export interface EstimatedBook {
  rows: PositionRow[]
  summary: EstimateSummary
  assumptions: EstimateAssumptions
}

/** One estimated position: a bar's opening at one leverage on one side. */
interface Buckets {
  bar: number[]
  leverage: number[]
  side: (1 | -1)[]
  entry: number[]
  liquidation: number[]
  /** Size divided by the closing scale at its opening: its size is `units * scale`. */
  units: number[]
  alive: boolean[]
}

function entryPrice(
  candles: CandleSeries,
  bar: number,
  rule: EstimateAssumptions['entryPrice']
): number {
  if (rule === 'open') return candles.open[bar]
  if (rule === 'close') return candles.close[bar]
  return (candles.high[bar] + candles.low[bar] + candles.close[bar]) / 3
}

function longShareOf(
  candles: CandleSeries,
  bar: number,
  split: EstimateAssumptions['sideSplit']
): number {
  if (split.kind === 'fixed') return split.longShare
  const bought = candles.takerBuyVolume[bar]
  const volume = candles.volume[bar]
  if (!(bought >= 0 && volume > 0)) return split.fallbackLongShare
  return Math.min(1, Math.max(0, bought / volume))
}

/**
 * Infers a position book from candles and open interest, the way public liquidation heatmaps do:
 * each bar's rise in open interest is new positions, opened at the bar's price, split into longs
 * and shorts by taker flow and spread over the leverage mix; a fall in open interest closes open
 * positions in proportion (after the bar's liquidations, which explain part of the fall); a
 * position is dropped once a later bar's range crosses its liquidation price. Deterministic: the
 * same inputs give the same book.
 */
export function estimateBook(
  candles: CandleSeries,
  openInterest: OpenInterestSeries,
  assumptions: EstimateAssumptions
): EstimatedBook {
  checkAssumptions(assumptions)
  const levels = openInterestAtBars(candles, openInterest)
  const m = assumptions.maintenanceRate
  const b: Buckets = {
    bar: [],
    leverage: [],
    side: [],
    entry: [],
    liquidation: [],
    units: [],
    alive: []
  }
  const longs = new BucketHeap(b.liquidation, 1)
  const shorts = new BucketHeap(b.liquidation, -1)
  const summary: EstimateSummary = {
    bars: candles.times.length,
    measuredBars: 0,
    opened: 0,
    closed: 0,
    liquidated: 0,
    surviving: 0,
    unplaced: NaN,
    longShare: 0
  }
  let scale = 1
  let openUnits = 0
  let openedLong = 0

  const liquidate = (heap: BucketHeap, crossed: (price: number) => boolean): number => {
    let base = 0
    while (heap.size > 0 && crossed(b.liquidation[heap.peek()])) {
      const k = heap.pop()
      if (!b.alive[k]) continue
      b.alive[k] = false
      base += b.units[k] * scale
      openUnits -= b.units[k]
    }
    return base
  }

  const open = (bar: number, base: number): void => {
    const long = longShareOf(candles, bar, assumptions.sideSplit)
    const entry = entryPrice(candles, bar, assumptions.entryPrice)
    openedLong += base * long
    for (const side of [1, -1] as const) {
      const sideBase = base * (side === 1 ? long : 1 - long)
      for (const { leverage, share } of assumptions.leverageMix) {
        if (sideBase * share <= 0) continue
        const k = b.bar.length
        b.bar.push(bar)
        b.leverage.push(leverage)
        b.side.push(side)
        b.entry.push(entry)
        b.liquidation.push(liquidationPriceAt(entry, leverage, side, m))
        b.units.push((sideBase * share) / scale)
        b.alive.push(true)
        openUnits += (sideBase * share) / scale
        ;(side === 1 ? longs : shorts).push(k)
      }
    }
  }

  const close = (base: number): void => {
    const openBase = openUnits * scale
    if (openBase <= 0) return
    const fraction = Math.min(1, base / openBase)
    summary.closed += fraction * openBase
    if (fraction < 1) {
      scale *= 1 - fraction
      return
    }
    // Everything estimated closed: start the scale over rather than let it reach zero.
    for (let k = 0; k < b.alive.length; k++) b.alive[k] = false
    longs.clear()
    shorts.clear()
    openUnits = 0
    scale = 1
  }

  for (let bar = 0; bar < candles.times.length; bar++) {
    const before = levels[bar]
    const after = levels[bar + 1]
    const low = candles.low[bar]
    const high = candles.high[bar]
    const liquidated = assumptions.dropLiquidated
      ? liquidate(longs, (price) => price >= low) + liquidate(shorts, (price) => price <= high)
      : 0
    summary.liquidated += liquidated
    if (!(Number.isFinite(before) && Number.isFinite(after))) continue
    if (Number.isNaN(summary.unplaced)) summary.unplaced = before
    summary.measuredBars++
    const change = after - before
    if (change > 0) {
      summary.opened += change
      open(bar, change)
    } else if (change < 0) close(Math.max(0, -change - liquidated))
  }
  summary.longShare = summary.opened > 0 ? openedLong / summary.opened : NaN
  const rows = survivingRows(b, scale, candles, assumptions)
  summary.surviving = rows.reduce((sum, row) => sum + row.size, 0)
  return { rows, summary, assumptions }
}

/** Smaller than this share of the largest bucket is rounding left by the closing scale. */
const NEGLIGIBLE = 1e-12

function survivingRows(
  b: Buckets,
  scale: number,
  candles: CandleSeries,
  assumptions: EstimateAssumptions
): PositionRow[] {
  const { symbol, venue, maintenanceRate } = assumptions
  const mark = candles.close[candles.close.length - 1]
  const largest = b.units.reduce((max, units, k) => (b.alive[k] ? Math.max(max, units) : max), 0)
  const rows: PositionRow[] = []
  for (let k = 0; k < b.bar.length; k++) {
    if (!b.alive[k] || b.units[k] <= largest * NEGLIGIBLE) continue
    const id = `est-${symbol}-${b.bar[k]}-${b.leverage[k]}x-${b.side[k] === 1 ? 'long' : 'short'}`
    rows.push({
      id,
      account: id,
      venue,
      symbol,
      contract: 'linear',
      side: b.side[k],
      size: b.units[k] * scale,
      entryPrice: b.entry[k],
      marginMode: 'isolated',
      margin: null,
      leverage: b.leverage[k],
      mmr: maintenanceRate,
      maintenanceAmount: null,
      walletBalance: null,
      markPrice: mark
    })
  }
  return rows
}
