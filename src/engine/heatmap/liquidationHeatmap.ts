import { INVERSE, type Book } from '../book/columns'
import type { LiquidationTable } from '../margin/liquidationTable'
import { underlyingOf } from '../market/underlyingOf'
import { UNIT_CROSS, UNIT_ISOLATED, type LiquidationLadder } from '../cascade/liquidationLadder'
import type { CascadeRun } from '../cascade/runCascade'

/** Price bins: `count` equal bins over [low, high), or bins of `size` (the last one may be cut). */
export type PriceBins =
  { low: number; high: number; count: number } | { low: number; high: number; size: number }

/**
 * Liquidation notional (quote, valued at the liquidation price) and position counts by price bin
 * and side. Positions whose liquidation price falls outside the bins are totalled in `below` and
 * `above`, so every position with a liquidation price is accounted for.
 */
export interface LiquidationHeatmap {
  underlying: string
  edges: Float64Array
  long: Float64Array
  short: Float64Array
  longCount: Uint32Array
  shortCount: Uint32Array
  below: { notional: number; count: number }
  above: { notional: number; count: number }
}

export class HeatmapError extends Error {
  override name = 'HeatmapError'
}

export function binEdges(bins: PriceBins): Float64Array {
  const { low, high } = bins
  if (!(Number.isFinite(low) && Number.isFinite(high) && high > low && low >= 0)) {
    throw new HeatmapError(`heatmap bins need 0 <= low < high, got ${low}..${high}`)
  }
  const count = 'count' in bins ? bins.count : Math.ceil((high - low) / bins.size - 1e-9)
  if (!(Number.isInteger(count) && count >= 1 && count <= 100_000)) {
    throw new HeatmapError(`heatmap bins: between 1 and 100000 bins, got ${count}`)
  }
  const width = 'count' in bins ? (high - low) / count : bins.size
  return Float64Array.from({ length: count + 1 }, (_, j) => (j === count ? high : low + j * width))
}

const quoteAt = (book: Book, i: number, price: number): number =>
  book.contract[i] === INVERSE ? book.size[i] : book.size[i] * price

/** One position's contribution to a heatmap, signed (+1 add, -1 remove). */
function accumulate(
  map: LiquidationHeatmap,
  book: Book,
  table: LiquidationTable,
  i: number,
  sign: 1 | -1
): void {
  const price = table.liquidationPrice[i]
  if (!(price > 0)) return
  const notional = sign * quoteAt(book, i, price)
  const edges = map.edges
  const bins = edges.length - 1
  if (price < edges[0]) {
    map.below.notional += notional
    map.below.count += sign
    return
  }
  if (price >= edges[bins]) {
    map.above.notional += notional
    map.above.count += sign
    return
  }
  // Every bin but a cut last one has the first bin's width.
  const bin = Math.min(bins - 1, Math.floor((price - edges[0]) / (edges[1] - edges[0])))
  if (book.side[i] > 0) {
    map.long[bin] += notional
    map.longCount[bin] += sign
  } else {
    map.short[bin] += notional
    map.shortCount[bin] += sign
  }
}

export function binLiquidations(
  book: Book,
  table: LiquidationTable,
  underlying: string,
  bins: PriceBins
): LiquidationHeatmap {
  const edges = binEdges(bins)
  const count = edges.length - 1
  const map: LiquidationHeatmap = {
    underlying,
    edges,
    long: new Float64Array(count),
    short: new Float64Array(count),
    longCount: new Uint32Array(count),
    shortCount: new Uint32Array(count),
    below: { notional: 0, count: 0 },
    above: { notional: 0, count: 0 }
  }
  const onMarket = book.symbols.names.map((symbol) => underlyingOf(symbol) === underlying)
  for (let i = 0; i < book.length; i++)
    if (onMarket[book.symbol[i]]) accumulate(map, book, table, i, 1)
  return map
}

function copyHeatmap(map: LiquidationHeatmap): LiquidationHeatmap {
  return {
    ...map,
    long: map.long.slice(),
    short: map.short.slice(),
    longCount: map.longCount.slice(),
    shortCount: map.shortCount.slice(),
    below: { ...map.below },
    above: { ...map.above }
  }
}

/** The heatmap of what is still standing after each of the given cascade rounds. */
export function heatmapAfterRounds(
  before: LiquidationHeatmap,
  book: Book,
  table: LiquidationTable,
  ladder: LiquidationLadder,
  run: CascadeRun,
  rounds: readonly number[]
): LiquidationHeatmap[] {
  const wanted = [...rounds].sort((a, b) => a - b)
  const current = copyHeatmap(before)
  const out: LiquidationHeatmap[] = []
  let unit = 0
  for (const round of wanted) {
    if (!(round >= 0 && round < run.roundEnds.length)) {
      throw new HeatmapError(`no round ${round}: the cascade ran ${run.roundEnds.length} rounds`)
    }
    for (; unit < run.roundEnds[round]; unit++) {
      const ref = ladder.ref[unit]
      if (ladder.kind[unit] === UNIT_ISOLATED) accumulate(current, book, table, ref, -1)
      else if (ladder.kind[unit] === UNIT_CROSS)
        for (const i of table.crossGroups[ref].members) accumulate(current, book, table, i, -1)
    }
    out.push(copyHeatmap(current))
  }
  return out
}
