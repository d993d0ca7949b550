import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildBook } from '../../../src/engine/book/book'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import {
  buildLiquidationLadder,
  crossedCount,
  type LiquidationLadder
} from '../../../src/engine/cascade/liquidationLadder'
import { runCascade } from '../../../src/engine/cascade/runCascade'
import { cascadeDetails } from '../../../src/engine/cascade/cascadeDetails'
import { createImpactModel, type ImpactSpec } from '../../../src/engine/impact/createImpactModel'
import type { ImpactModel } from '../../../src/engine/impact/impactModel'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { position, testRegistry } from '../margin/helpers'

const registry = testRegistry()
const START = 60000

const positionArb = fc.record({
  side: fc.constantFrom(1 as const, -1 as const),
  size: fc.double({ min: 0.001, max: 200, noNaN: true }),
  entryOffset: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  leverage: fc.integer({ min: 2, max: 100 }),
  cross: fc.nat({ max: 9 }),
  venue: fc.constantFrom('binance', 'bybit', 'okx', 'hyperliquid')
})

const bookArb = fc.array(positionArb, { minLength: 1, maxLength: 60 }).map((specs) =>
  specs.map((spec, i): PositionRow => {
    const symbol = {
      binance: 'BTCUSDT',
      bybit: 'BTCUSDT',
      okx: 'BTC-USDT-SWAP',
      hyperliquid: 'BTC'
    }[spec.venue]
    const entryPrice = START * (1 + spec.entryOffset)
    const cross = spec.cross < 3
    return position({
      id: `p${i}`,
      account: cross ? `x${spec.cross}-${spec.venue}` : `a${i}`,
      venue: spec.venue,
      symbol,
      side: spec.side,
      size: spec.size,
      entryPrice,
      marginMode: cross ? 'cross' : 'isolated',
      margin: cross ? null : (spec.size * entryPrice) / spec.leverage,
      walletBalance: cross ? 1_000_000 / (spec.cross + 1) / 10 : null
    })
  })
)

const modelArb: fc.Arbitrary<ImpactSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('linear' as const),
    depthPerPercent: fc.double({ min: 1e4, max: 1e8, noNaN: true })
  }),
  fc.record({
    kind: fc.constant('sqrt' as const),
    dailyVolume: fc.double({ min: 1e6, max: 1e10, noNaN: true }),
    dailyVolatility: fc.double({ min: 0.005, max: 0.2, noNaN: true }),
    coefficient: fc.double({ min: 0.1, max: 2, noNaN: true })
  }),
  fc.record({
    kind: fc.constant('amm' as const),
    baseReserve: fc.double({ min: 1, max: 1e5, noNaN: true })
  })
)

const shockArb = fc.double({ min: -0.5, max: 0.5, noNaN: true })

function prepare(rows: PositionRow[]) {
  const book = buildBook(rows)
  const table = computeLiquidationTable(book, registry, new Map([['BTC', START]]))
  const ladders = {
    fall: buildLiquidationLadder(book, table, 'BTC', -1),
    rise: buildLiquidationLadder(book, table, 'BTC', 1)
  }
  return { book, table, ladders }
}

const ladderFor = (ladders: { fall: LiquidationLadder; rise: LiquidationLadder }, shock: number) =>
  shock > 0 ? ladders.rise : ladders.fall

const flowAt = (ladder: LiquidationLadder, price: number) => {
  const k = crossedCount(ladder, price)
  return { notional: ladder.cumNotional[k], quantity: ladder.cumQuantity[k] }
}

function cascade(rows: PositionRow[], spec: ImpactSpec, shock: number) {
  const prepared = prepare(rows)
  const model: ImpactModel = createImpactModel(spec)
  const ladder = ladderFor(prepared.ladders, shock)
  const run = runCascade({ ladder, startPrice: START, shock, model })
  return { ...prepared, model, ladder, run }
}

describe('cascade invariants (fast-check)', () => {
  it('a larger shock never liquidates less', () => {
    fc.assert(
      fc.property(bookArb, modelArb, shockArb, shockArb, (rows, spec, a, b) => {
        if (Math.sign(a) !== Math.sign(b)) return
        const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a]
        const smallRun = cascade(rows, spec, small).run.summary
        const largeRun = cascade(rows, spec, large).run.summary
        expect(largeRun.liquidatedCount).toBeGreaterThanOrEqual(smallRun.liquidatedCount)
        expect(largeRun.liquidatedNotional).toBeGreaterThanOrEqual(smallRun.liquidatedNotional)
      }),
      { numRuns: 150 }
    )
  })

  it('liquidated + surviving = book: every position is in exactly one of the two', () => {
    fc.assert(
      fc.property(bookArb, modelArb, shockArb, (rows, spec, shock) => {
        const { book, table, ladder, run } = cascade(rows, spec, shock)
        const liquidated = cascadeDetails(book, table, ladder, run).liquidatedIds
        expect(new Set(liquidated).size).toBe(liquidated.length)
        const survivors = rows.map((r) => r.id).filter((id) => !liquidated.includes(id))
        expect(liquidated.length + survivors.length).toBe(rows.length)
        // A survivor on the moving side was not crossed by the final price.
        const final = run.summary.finalPrice
        for (let i = 0; i < book.length; i++) {
          if (liquidated.includes(book.ids[i]) || table.crossGroup[i] >= 0) continue
          const lp = table.liquidationPrice[i]
          if (!(lp > 0) || book.side[i] !== (ladder.direction < 0 ? 1 : -1)) continue
          expect(ladder.direction < 0 ? lp < final : lp > final).toBe(true)
        }
      }),
      { numRuns: 150 }
    )
  })

  it('the final price is the fixed point nearest the shocked price', () => {
    fc.assert(
      fc.property(bookArb, modelArb, shockArb, (rows, spec, shock) => {
        const { ladder, model, run } = cascade(rows, spec, shock)
        const { shockedPrice, finalPrice } = run.summary
        expect(model.priceAfter(shockedPrice, ladder.direction, flowAt(ladder, finalPrice))).toBe(
          finalPrice
        )
        // Every other fixed point reachable from the ladder lies beyond the final price.
        for (let k = 0; k <= ladder.length; k++) {
          const candidate = model.priceAfter(shockedPrice, ladder.direction, {
            notional: ladder.cumNotional[k],
            quantity: ladder.cumQuantity[k]
          })
          const isFixed = crossedCount(ladder, candidate) === k
          const beyondShock =
            ladder.direction < 0 ? candidate <= shockedPrice : candidate >= shockedPrice
          if (isFixed && beyondShock) {
            expect(ladder.direction < 0 ? candidate <= finalPrice : candidate >= finalPrice).toBe(
              true
            )
          }
        }
      }),
      { numRuns: 150 }
    )
  })

  it('is deterministic and lets no NaN or Infinity escape', () => {
    fc.assert(
      fc.property(bookArb, modelArb, shockArb, (rows, spec, shock) => {
        const first = cascade(rows, spec, shock)
        const second = cascade(rows, spec, shock)
        expect(second.run).toEqual(first.run)
        const details = cascadeDetails(first.book, first.table, first.ladder, first.run)
        const numbers = [
          ...Object.values(first.run.summary).filter((v): v is number => typeof v === 'number'),
          ...first.run.rounds.flatMap((r) => [
            r.priceBefore,
            r.priceAfter,
            r.liquidatedNotional,
            r.cumulativeNotional
          ]),
          details.bankruptcyShortfall,
          details.long.notional,
          details.short.notional
        ]
        for (const value of numbers) expect(Number.isFinite(value)).toBe(true)
      }),
      { numRuns: 150 }
    )
  })
})
