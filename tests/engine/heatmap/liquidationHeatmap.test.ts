import { describe, expect, it } from 'vitest'
import { buildBook } from '../../../src/engine/book/book'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { buildLiquidationLadder } from '../../../src/engine/cascade/liquidationLadder'
import { runCascade } from '../../../src/engine/cascade/runCascade'
import {
  binEdges,
  binLiquidations,
  heatmapAfterRounds,
  HeatmapError
} from '../../../src/engine/heatmap/liquidationHeatmap'
import { breakDownLiquidations } from '../../../src/engine/heatmap/heatmapBreakdown'
import { createLinearImpact } from '../../../src/engine/impact/linearImpact'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { position } from '../margin/helpers'

/** Zero maintenance: liquidation price = entry - side * margin / size. */
const at = (id: string, side: 1 | -1, liquidationPrice: number, size: number): PositionRow =>
  position({
    id,
    account: id,
    venue: 'generic',
    symbol: 'XYZUSDT',
    side,
    size,
    entryPrice: 100,
    margin: size * Math.abs(100 - liquidationPrice),
    mmr: 0
  })

const rows = [
  at('a', 1, 95, 100),
  at('b', 1, 94.5, 200),
  at('c', 1, 80, 300),
  at('s', -1, 104, 50),
  at('far', -1, 300, 1)
]

function setup() {
  const book = buildBook(rows)
  const table = computeLiquidationTable(book, createTierRegistry([]), new Map([['XYZ', 100]]))
  return { book, table }
}

describe('liquidation heatmap', () => {
  it('bins liquidation notional (valued at the liquidation price) and counts by side', () => {
    const { book, table } = setup()
    const map = binLiquidations(book, table, 'XYZ', { low: 80, high: 110, count: 6 })
    expect([...map.edges]).toEqual([80, 85, 90, 95, 100, 105, 110])
    expect([...map.long]).toEqual([300 * 80, 0, 100 * 95 + 200 * 94.5 - 100 * 95, 100 * 95, 0, 0])
    expect([...map.longCount]).toEqual([1, 0, 1, 1, 0, 0])
    expect([...map.short]).toEqual([0, 0, 0, 0, 50 * 104, 0])
    // nothing is dropped: the short at 300 is totalled above the range
    expect(map.above).toEqual({ notional: 300, count: 1 })
    expect(map.below).toEqual({ notional: 0, count: 0 })
  })

  it('takes bins by size too, the last one cut at the top', () => {
    expect([...binEdges({ low: 0, high: 10, size: 4 })]).toEqual([0, 4, 8, 10])
    expect(() => binEdges({ low: 10, high: 5, count: 3 })).toThrow(HeatmapError)
    expect(() => binEdges({ low: 0, high: 5, count: 0 })).toThrow(HeatmapError)
  })

  it('after each round, what is still standing: liquidated positions leave their bins', () => {
    const { book, table } = setup()
    const before = binLiquidations(book, table, 'XYZ', { low: 80, high: 110, count: 6 })
    const ladder = buildLiquidationLadder(book, table, 'XYZ', -1)
    const run = runCascade({
      ladder,
      startPrice: 100,
      shock: -0.05,
      model: createLinearImpact({ depthPerPercent: 10_000 })
    })
    expect(run.roundEnds.length).toBe(2)
    const [afterFirst, afterSecond] = heatmapAfterRounds(before, book, table, ladder, run, [0, 1])
    expect([...afterFirst.longCount]).toEqual([1, 0, 1, 0, 0, 0])
    expect([...afterSecond.longCount]).toEqual([1, 0, 0, 0, 0, 0])
    expect([...afterSecond.short]).toEqual([...before.short])
    expect([...before.longCount]).toEqual([1, 0, 1, 1, 0, 0])
    expect(() => heatmapAfterRounds(before, book, table, ladder, run, [5])).toThrow(/no round 5/)
  })
})

describe('liquidation heatmap split by venue or leverage', () => {
  const mixed: PositionRow[] = [
    { ...at('a', 1, 95, 100), venue: 'binance', leverage: 3 },
    { ...at('b', 1, 94.5, 200), venue: 'okx', leverage: 20 },
    { ...at('c', 1, 94.2, 300), venue: 'binance', leverage: 150 },
    { ...at('s', -1, 104, 50), venue: 'okx', leverage: null },
    { ...at('far', -1, 300, 1), venue: 'binance', leverage: 8 }
  ]

  it('splits every bin into groups that add up to its total', () => {
    const book = buildBook(mixed)
    const table = computeLiquidationTable(book, createTierRegistry([]), new Map([['XYZ', 100]]))
    const map = binLiquidations(book, table, 'XYZ', { low: 90, high: 110, count: 4 })
    for (const by of ['venue', 'leverage'] as const) {
      const groups = breakDownLiquidations(book, table, 'XYZ', map.edges, by)
      for (const side of ['long', 'short'] as const)
        map[side].forEach((total, bin) =>
          expect(groups.reduce((sum, group) => sum + group[side][bin], 0)).toBeCloseTo(total, 6)
        )
    }
  })

  it('names venues busiest first and leverage bands from the lowest, leaving empty ones out', () => {
    const book = buildBook(mixed)
    const table = computeLiquidationTable(book, createTierRegistry([]), new Map([['XYZ', 100]]))
    const edges = binLiquidations(book, table, 'XYZ', { low: 90, high: 110, count: 4 }).edges
    const venues = breakDownLiquidations(book, table, 'XYZ', edges, 'venue')
    expect(venues.map((group) => group.key)).toEqual(['binance', 'okx'])
    expect(venues[0].longCount.reduce((a, b) => a + b, 0)).toBe(2)
    const bands = breakDownLiquidations(book, table, 'XYZ', edges, 'leverage')
    // "s" states no leverage: its isolated margin implies 100 / 4 = 25x at the mark.
    expect(bands.map((group) => group.key)).toEqual(['≤5x', '10–25x', '>100x'])
    expect(Array.from(bands[1].short)).toEqual([0, 0, 5200, 0])
  })
})
