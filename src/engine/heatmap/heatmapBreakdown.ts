import { INVERSE, type Book } from '../book/columns'
import { impliedLeverage } from '../book/impliedLeverage'
import type { LiquidationTable } from '../margin/liquidationTable'
import { underlyingOf } from '../market/underlyingOf'

export type HeatmapBreakdown = 'venue' | 'leverage'

/** Leverage bands as liquidation heatmaps show them; each holds leverage up to its bound. */
export const LEVERAGE_BANDS: readonly { label: string; upTo: number }[] = [
  { label: '≤5x', upTo: 5 },
  { label: '5–10x', upTo: 10 },
  { label: '10–25x', upTo: 25 },
  { label: '25–50x', upTo: 50 },
  { label: '50–100x', upTo: 100 },
  { label: '>100x', upTo: Infinity }
]
const UNKNOWN_LEVERAGE = 'leverage unknown'

/** One venue's or leverage band's share of the heatmap, over the same bins. */
export interface HeatmapGroup {
  key: string
  long: Float64Array
  short: Float64Array
  longCount: Uint32Array
  shortCount: Uint32Array
}

const quoteAt = (book: Book, i: number, price: number): number =>
  book.contract[i] === INVERSE ? book.size[i] : book.size[i] * price

/**
 * A cross account's leverage on one market: its positions' notional at the marks over the
 * balance that backs them (a cross position states none of its own).
 */
function crossLeverage(book: Book, table: LiquidationTable, group: number): number {
  const { members, heldBalance } = table.crossGroups[group]
  let notional = 0
  for (const i of members) notional += quoteAt(book, i, table.markPrice[i])
  const first = members[0]
  const balance =
    book.contract[first] === INVERSE ? heldBalance * table.markPrice[first] : heldBalance
  return balance > 0 ? notional / balance : NaN
}

function leverageBand(leverage: number): number {
  if (!(leverage > 0) || !Number.isFinite(leverage)) return LEVERAGE_BANDS.length
  const band = LEVERAGE_BANDS.findIndex((entry) => leverage <= entry.upTo)
  return band < 0 ? LEVERAGE_BANDS.length - 1 : band
}

/**
 * The heatmap split by venue or by leverage band: per group, liquidation notional and counts in
 * the same price bins as `binLiquidations` (`edges`), so the groups of a bin add up to its
 * total. Groups with nothing in the bins are left out; venues come busiest first, leverage
 * bands from the lowest.
 */
export function breakDownLiquidations(
  book: Book,
  table: LiquidationTable,
  underlying: string,
  edges: Float64Array,
  by: HeatmapBreakdown
): HeatmapGroup[] {
  const bins = edges.length - 1
  const width = edges[1] - edges[0]
  const keys =
    by === 'venue' ? book.venues.names : [...LEVERAGE_BANDS.map((b) => b.label), UNKNOWN_LEVERAGE]
  const groups: HeatmapGroup[] = keys.map((key) => ({
    key,
    long: new Float64Array(bins),
    short: new Float64Array(bins),
    longCount: new Uint32Array(bins),
    shortCount: new Uint32Array(bins)
  }))
  const onMarket = book.symbols.names.map((symbol) => underlyingOf(symbol) === underlying)
  const crossBands = new Map<number, number>()
  const bandOf = (i: number): number => {
    const group = table.crossGroup[i]
    const stated = impliedLeverage(book, i, table.markPrice[i])
    if (group < 0 || !Number.isNaN(stated)) return leverageBand(stated)
    let band = crossBands.get(group)
    if (band === undefined)
      crossBands.set(group, (band = leverageBand(crossLeverage(book, table, group))))
    return band
  }
  for (let i = 0; i < book.length; i++) {
    if (!onMarket[book.symbol[i]]) continue
    const price = table.liquidationPrice[i]
    if (!(price >= edges[0] && price < edges[bins])) continue
    const bin = Math.min(bins - 1, Math.floor((price - edges[0]) / width))
    const group = groups[by === 'venue' ? book.venue[i] : bandOf(i)]
    const notional = quoteAt(book, i, price)
    if (book.side[i] > 0) {
      group.long[bin] += notional
      group.longCount[bin]++
    } else {
      group.short[bin] += notional
      group.shortCount[bin]++
    }
  }
  const total = (group: HeatmapGroup): number =>
    group.long.reduce((sum, x) => sum + x, 0) + group.short.reduce((sum, x) => sum + x, 0)
  const shown = groups.filter((group) => total(group) > 0)
  return by === 'venue' ? shown.sort((a, b) => total(b) - total(a)) : shown
}
