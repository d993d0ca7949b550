import { describe, expect, it } from 'vitest'
import { buildBook } from '../../../src/engine/book/book'
import { buildLiquidationLadder } from '../../../src/engine/cascade/liquidationLadder'
import { runCascade } from '../../../src/engine/cascade/runCascade'
import { createLinearImpact } from '../../../src/engine/impact/linearImpact'
import { AAVE_V3_RULES } from '../../../src/engine/lending/closeFactor'
import { lendingOutcome, lendingUnits } from '../../../src/engine/lending/lendingCascade'
import { groupLendingLegs } from '../../../src/engine/lending/lendingBook'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { adlScore, LAST_IN_ADL_QUEUE } from '../../../src/engine/timeline/adlScore'
import { buildTimelineBook } from '../../../src/engine/timeline/buildTimelineBook'
import { lendingBite } from '../../../src/engine/timeline/lendingBite'
import { FALL, RISE, segmentOf } from '../../../src/engine/timeline/timelineBook'
import { position } from '../margin/helpers'
import { at, START } from './fixtures'

const rows = [
  at('a', 1, 95, 10, { venue: 'binance' }),
  at('b', 1, 97, 20, { venue: 'okx' }),
  at('c', 1, 90, 30, { venue: 'binance' }),
  at('d', -1, 105, 5, { venue: 'binance' }),
  at('e', 1, 99, 1, { venue: 'binance', entryPrice: 110, margin: 11 }),
  // A cross account netting 3 long on XYZ, and a hedged one netting nothing.
  position({
    id: 'x1',
    account: 'X',
    venue: 'okx',
    symbol: 'XYZUSDT',
    side: 1,
    size: 5,
    entryPrice: 100,
    marginMode: 'cross',
    margin: null,
    mmr: 0,
    walletBalance: 50
  }),
  position({
    id: 'x2',
    account: 'X',
    venue: 'okx',
    symbol: 'XYZ-USDT-SWAP',
    side: -1,
    size: 2,
    entryPrice: 100,
    marginMode: 'cross',
    margin: null,
    mmr: 0,
    walletBalance: 50
  }),
  position({
    id: 'h1',
    account: 'H',
    venue: 'okx',
    symbol: 'XYZUSDT',
    side: 1,
    size: 1,
    entryPrice: 100,
    marginMode: 'cross',
    margin: null,
    mmr: 0,
    walletBalance: 5
  }),
  position({
    id: 'h2',
    account: 'H',
    venue: 'okx',
    symbol: 'XYZ-USDT-SWAP',
    side: -1,
    size: 1,
    entryPrice: 100,
    marginMode: 'cross',
    margin: null,
    mmr: 0,
    walletBalance: 5
  })
]

function build() {
  const book = buildBook(rows)
  const table = computeLiquidationTable(book, createTierRegistry([]), new Map([['XYZ', START]]))
  const built = buildTimelineBook({
    book,
    table,
    lending: [],
    prices: new Map([['XYZ', START]]),
    underlyings: ['XYZ'],
    rules: AAVE_V3_RULES
  })
  return { book, table, ...built, market: built.timelineBook.markets[0] }
}

describe('buildTimelineBook', () => {
  it('splits each ladder by venue, falls first, each segment in the order a move meets it', () => {
    const { timelineBook, market, book } = build()
    const venues = timelineBook.venues.length
    const ids = (s: number) => {
      const out: string[] = []
      for (let slot = market.segmentStart[s]; slot < market.segmentStart[s + 1]; slot++) {
        const unit = market.ref[slot]
        out.push(market.units.kind[unit] === 0 ? book.ids[market.units.ref[unit]] : 'X')
      }
      return out
    }
    const binance = timelineBook.venues.indexOf('binance')
    const okx = timelineBook.venues.indexOf('okx')
    expect(ids(segmentOf(FALL, binance, venues))).toEqual(['e', 'a', 'c'])
    expect(ids(segmentOf(FALL, okx, venues))).toEqual(['b', 'X'])
    expect(ids(segmentOf(RISE, binance, venues))).toEqual(['d'])
    expect(ids(segmentOf(RISE, okx, venues))).toEqual([])
  })

  it('keeps prefix sums of quantity and notional at the liquidation prices', () => {
    const { market } = build()
    const n = market.price.length
    for (let slot = 0; slot < n; slot++) {
      expect(market.cumQuantity[slot + 1] - market.cumQuantity[slot]).toBeCloseTo(
        market.quantity[slot],
        12
      )
      expect(market.cumNotional[slot + 1] - market.cumNotional[slot]).toBeCloseTo(
        market.quantity[slot] * market.price[slot],
        9
      )
    }
  })

  it('counts open interest by unit: a cross account by its net size, a hedged one not at all', () => {
    const { market } = build()
    const { units } = market
    const quantities = Array.from(units.quantity).sort((a, b) => a - b)
    expect(quantities).toEqual([1, 3, 5, 10, 20, 30])
    for (let u = 0; u < units.count; u++) {
      if (units.slot[u] >= 0) expect(market.quantity[units.slot[u]]).toBe(units.quantity[u])
    }
  })

  it('puts equity at zero at the bankruptcy price, for a position with a maintenance margin', () => {
    const book = buildBook([
      position({ id: 'm', symbol: 'XYZUSDT', size: 2, entryPrice: 100, margin: 20, mmr: 0.01 })
    ])
    const table = computeLiquidationTable(book, createTierRegistry([]), new Map([['XYZ', START]]))
    const { timelineBook } = buildTimelineBook({
      book,
      table,
      lending: [],
      prices: new Map([['XYZ', START]]),
      underlyings: ['XYZ'],
      rules: AAVE_V3_RULES
    })
    const market = timelineBook.markets[0]
    expect(market.bankruptcy[0]).toBeCloseTo(90, 9)
    expect(market.price[0]).toBeGreaterThan(90)
    // equity(P) = margin + size * (P - entry) = lossQuantity * (P - bankruptcy)
    for (const price of [80, 90, 95]) {
      expect(market.lossQuantity[0] * (price - market.bankruptcy[0])).toBeCloseTo(
        20 + 2 * (price - 100),
        9
      )
    }
  })

  it('ranks ADL lists by profit and leverage, per side and venue', () => {
    const { market, book } = build()
    const { units } = market
    const binanceLongs = market.adlOrder.subarray(market.adlStart[0], market.adlStart[1])
    const names = Array.from(binanceLongs, (u) => book.ids[units.ref[u]])
    // All entered at 100 except e (110, at a loss): flat positions tie in unit order, e comes last.
    expect(names[names.length - 1]).toBe('e')
    for (let rank = 0; rank < units.count; rank++) {
      const u = market.adlOrder[rank]
      expect(units.adlRank[u]).toBe(rank)
      expect(market.adlQuantity[rank]).toBe(units.quantity[u])
      expect(market.adlSlot[rank]).toBe(units.slot[u])
    }
  })
})

describe('adlScore', () => {
  it('puts the most profitable, most leveraged first, losers after, the bankrupt last', () => {
    const highLeverageWinner = adlScore(50, 100, 10_000)
    const lowLeverageWinner = adlScore(50, 1000, 10_000)
    const loser = adlScore(-50, 100, 10_000)
    expect(highLeverageWinner).toBeGreaterThan(lowLeverageWinner)
    expect(lowLeverageWinner).toBeGreaterThan(0)
    expect(loser).toBeLessThan(0)
    expect(adlScore(-200, 100, 10_000)).toBe(LAST_IN_ADL_QUEUE)
  })
})

describe('lendingBite', () => {
  const borrowers = groupLendingLegs([
    {
      account: 'L1',
      protocol: 'aave-v3',
      asset: 'WETH',
      role: 'collateral',
      amount: 10,
      liquidationThreshold: 0.83,
      liquidationBonus: 0.05
    },
    {
      account: 'L1',
      protocol: 'aave-v3',
      asset: 'USDC',
      role: 'debt',
      amount: 21_000,
      liquidationThreshold: null,
      liquidationBonus: null
    },
    {
      account: 'L2',
      protocol: 'aave-v3',
      asset: 'WETH',
      role: 'collateral',
      amount: 4,
      liquidationThreshold: 0.83,
      liquidationBonus: 0.05
    },
    {
      account: 'L2',
      protocol: 'aave-v3',
      asset: 'DAI',
      role: 'debt',
      amount: 6_000,
      liquidationThreshold: null,
      liquidationBonus: null
    }
  ])
  const prices = new Map([['ETH', 2680]])

  it('leaves what the instant cascade leaves: the same bad debt at any price', () => {
    const units = lendingUnits(borrowers, 'ETH', -1, prices, AAVE_V3_RULES)
    const book = buildBook([])
    const table = computeLiquidationTable(book, createTierRegistry([]), prices)
    const ladder = buildLiquidationLadder(book, table, 'ETH', -1, units)
    for (const shock of [-0.3, -0.5, -0.7]) {
      const run = runCascade({
        ladder,
        startPrice: 2680,
        shock,
        model: createLinearImpact({ depthPerPercent: 1e12 })
      })
      const expected = lendingOutcome(borrowers, ladder, run, prices, AAVE_V3_RULES).badDebt
      const final = run.summary.finalPrice
      let badDebt = 0
      for (let k = 0; k < run.liquidatedUnits; k++) {
        const bite = lendingBite(
          borrowers[ladder.ref[k]],
          'ETH',
          ladder.price[k],
          prices,
          AAVE_V3_RULES
        )
        const owed = bite.debtConstant + bite.debtSlope * final
        const held = bite.collateralConstant + bite.collateralSlope * final
        badDebt += Math.max(0, owed - held)
      }
      expect(badDebt).toBeCloseTo(expected, 6)
    }
  })
})
