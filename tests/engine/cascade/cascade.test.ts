import { describe, expect, it } from 'vitest'
import { buildBook } from '../../../src/engine/book/book'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { buildLiquidationLadder } from '../../../src/engine/cascade/liquidationLadder'
import { runCascade, CascadeInputError } from '../../../src/engine/cascade/runCascade'
import { cascadeDetails } from '../../../src/engine/cascade/cascadeDetails'
import { createLinearImpact } from '../../../src/engine/impact/linearImpact'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { position } from '../margin/helpers'

/** A position with a zero maintenance rate, so its liquidation price is entry - side*margin/size. */
function at(
  id: string,
  side: 1 | -1,
  liquidationPrice: number,
  size: number,
  venue = 'generic'
): PositionRow {
  return position({
    id,
    account: id,
    venue,
    symbol: 'XYZUSDT',
    side,
    size,
    entryPrice: 100,
    margin: size * Math.abs(100 - liquidationPrice),
    mmr: 0
  })
}

function setup(rows: PositionRow[], direction: -1 | 1) {
  const book = buildBook(rows)
  const table = computeLiquidationTable(book, createTierRegistry([]), new Map([['XYZ', 100]]))
  const ladder = buildLiquidationLadder(book, table, 'XYZ', direction)
  return { book, table, ladder }
}

const model = createLinearImpact({ depthPerPercent: 1_000_000 })

describe('instant cascade', () => {
  const rows = [
    at('a', 1, 95, 10000),
    at('b', 1, 94.5, 10000, 'binance'),
    at('c', 1, 90, 10000),
    at('s', -1, 130, 5000)
  ]

  it('runs round by round to the fixed point, impact measured from the shocked price', () => {
    const { ladder } = setup(rows, -1)
    const run = runCascade({ ladder, startPrice: 100, shock: -0.05, model })
    const afterA = 95 * (1 - 950_000 / 1e8)
    const afterB = 95 * (1 - (950_000 + 945_000) / 1e8)
    expect(run.rounds.map((r) => r.priceAfter)).toEqual([afterA, afterB])
    expect(run.rounds.map((r) => r.liquidatedCount)).toEqual([1, 1])
    expect(run.rounds[1].byVenue).toEqual([{ venue: 'binance', count: 1, notional: 945_000 }])
    expect(run.summary.finalPrice).toBe(afterB)
    expect(run.summary.liquidatedNotional).toBe(1_895_000)
    expect(run.summary.totalMove).toBeCloseTo((afterB - 100) / 100, 12)
    expect(run.summary.amplification).toBeCloseTo((100 - afterB) / 5, 12)
    expect(run.summary.endogenousMove).toBeCloseTo((afterB - 95) / 100, 12)
  })

  it('is symmetric: shorts liquidate on a rise with forced buys', () => {
    const { ladder } = setup(rows, 1)
    const run = runCascade({ ladder, startPrice: 100, shock: 0.3, model })
    expect(run.summary.direction).toBe(1)
    expect(run.summary.liquidatedCount).toBe(1)
    expect(run.summary.finalPrice).toBeCloseTo(130 * (1 + (5000 * 130) / 1e8), 9)
  })

  it('lists who was liquidated, by side, venue and account, with the loss beyond margin', () => {
    const { book, table, ladder } = setup(rows, -1)
    const run = runCascade({ ladder, startPrice: 100, shock: -0.05, model })
    const details = cascadeDetails(book, table, ladder, run)
    expect(details.liquidatedIds).toEqual(['a', 'b'])
    expect(details.long).toEqual({ count: 2, notional: 1_895_000 })
    expect(details.short).toEqual({ count: 0, notional: 0 })
    expect(details.byAccount.map((a) => a.account)).toEqual(['a', 'b'])
    // a's bankruptcy price is 95 (zero maintenance) and it filled at ~94.1: 10000 * (95 - 94.0975)
    expect(details.byAccount[0].shortfall).toBeCloseTo(10000 * (95 - 95 * (1 - 950_000 / 1e8)), 6)
    expect(details.bankruptcyShortfall).toBeCloseTo(
      details.byAccount[0].shortfall + details.byAccount[1].shortfall,
      9
    )
  })

  it('an inverse position in a cascade that ends at zero loses its contract value: a finite shortfall', () => {
    const inverse = position({
      id: 'inv',
      venue: 'generic',
      symbol: 'XYZUSD_PERP',
      contract: 'inverse',
      size: 1_000_000,
      entryPrice: 100,
      margin: 1_000_000 / 100 / 10,
      mmr: 0
    })
    const { book, table, ladder } = setup([inverse], -1)
    const shallow = createLinearImpact({ depthPerPercent: 1 })
    const run = runCascade({ ladder, startPrice: 100, shock: -0.2, model: shallow })
    expect(run.summary.finalPrice).toBe(0)
    const details = cascadeDetails(book, table, ladder, run)
    // at 0 the coin margin is worth nothing and the long owes its whole contract value
    expect(details.bankruptcyShortfall).toBe(1_000_000)
  })

  it('leaves out who exactly (ids, accounts) when only totals are wanted', () => {
    const { book, table, ladder } = setup(rows, -1)
    const run = runCascade({ ladder, startPrice: 100, shock: -0.05, model })
    const full = cascadeDetails(book, table, ladder, run)
    const totals = cascadeDetails(book, table, ladder, run, { perPosition: false })
    expect(totals.liquidatedIds).toEqual([])
    expect(totals.byAccount).toEqual([])
    expect(totals.long).toEqual(full.long)
    expect(totals.byVenue).toEqual(full.byVenue)
    expect(totals.bankruptcyShortfall).toBe(full.bankruptcyShortfall)
  })

  it('a shock that crosses nothing leaves the price where the shock put it', () => {
    const { ladder } = setup(rows, -1)
    const run = runCascade({ ladder, startPrice: 100, shock: -0.01, model })
    expect(run.rounds).toEqual([])
    expect(run.summary.finalPrice).toBe(99)
    expect(run.summary.amplification).toBe(1)
  })

  it('refuses a shock of -100% or worse, a bad start price, and a ladder of the wrong direction', () => {
    const { ladder } = setup(rows, -1)
    expect(() => runCascade({ ladder, startPrice: 100, shock: -1, model })).toThrow(
      CascadeInputError
    )
    expect(() => runCascade({ ladder, startPrice: 0, shock: -0.1, model })).toThrow(/start price/)
    expect(() => runCascade({ ladder, startPrice: 100, shock: 0.1, model })).toThrow(
      /ladder of that direction/
    )
  })

  it('liquidates a cross account whole, its net flow pushing the price', () => {
    const cross = (id: string, side: 1 | -1, size: number): PositionRow =>
      position({
        id,
        account: 'X',
        venue: 'generic',
        symbol: 'XYZUSDT',
        side,
        size,
        entryPrice: 100,
        marginMode: 'cross',
        margin: null,
        walletBalance: 50_000,
        mmr: 0
      })
    // net long 10,000: liquidated where 50,000 + 10,000*(P - 100) = 0, at 95
    const { book, table, ladder } = setup([cross('l', 1, 15000), cross('s', -1, 5000)], -1)
    expect(table.liquidationPrice[0]).toBeCloseTo(95, 9)
    const run = runCascade({ ladder, startPrice: 100, shock: -0.05, model })
    expect(run.summary.liquidatedNotional).toBeCloseTo(10000 * 95, 6)
    expect(cascadeDetails(book, table, ladder, run).liquidatedIds).toEqual(['l', 's'])
  })

  it('takes a position already below maintenance at the start into the move its flow joins, cross or isolated', () => {
    // Short from 90 with 1,000 of margin: at 100 it has lost 50,000, far past its maintenance.
    const underwater = { symbol: 'XYZUSDT', side: -1 as const, size: 5000, entryPrice: 90, mmr: 0 }
    const rows = [
      position({ ...underwater, id: 'iso', account: 'iso', margin: 1000 }),
      position({
        ...underwater,
        id: 'x',
        account: 'X',
        marginMode: 'cross',
        margin: null,
        walletBalance: 1000
      })
    ]
    const liquidatedBy = (direction: -1 | 1): string[] => {
      const { book, table, ladder } = setup(rows, direction)
      const run = runCascade({ ladder, startPrice: 100, shock: direction * 0.01, model })
      return [...cascadeDetails(book, table, ladder, run).liquidatedIds].sort()
    }
    expect(liquidatedBy(-1)).toEqual([])
    expect(liquidatedBy(1)).toEqual(['iso', 'x'])
  })
})
