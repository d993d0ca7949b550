import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildBook } from '../../../src/engine/book/book'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import { findTierTable } from '../../../src/engine/margin/tierRegistry'
import { tierIndexAt } from '../../../src/engine/margin/tierTable'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { BINANCE_BTC_TIERS, position, testRegistry } from './helpers'

const registry = testRegistry()
const prices = new Map([['BTC', 60000]])

function liquidation(rows: PositionRow[], marks = prices) {
  return computeLiquidationTable(buildBook(rows), registry, marks)
}

describe('isolated liquidation prices, venue by venue', () => {
  it('binance long: LP = (WB + cum - s*Q*EP) / (Q*MMR - s*Q) in the tier the LP lands in', () => {
    const t = liquidation([position({})])
    // notional at LP ~54k: tier 2 (rate 0.005, cum 50)
    expect(t.liquidationPrice[0]).toBeCloseTo((6000 + 50 - 60000) / (0.005 - 1), 6)
    expect(t.bankruptcyPrice[0]).toBeCloseTo(54000, 6)
    expect(t.issues).toEqual([])
  })

  it('binance: re-solves in the lower tier when the LP falls out of the entry tier', () => {
    const t = liquidation([position({ size: 0.85, margin: 5100 })])
    // at entry the notional (51k) is in tier 2; at the LP (~46k) it is in tier 1 (0.004, cum 0)
    expect(t.liquidationPrice[0]).toBeCloseTo((5100 - 51000) / (0.85 * 0.004 - 0.85), 6)
  })

  it('binance short liquidates above entry', () => {
    const t = liquidation([position({ side: -1 })])
    expect(t.liquidationPrice[0]).toBeCloseTo((6000 + 50 + 60000) / (0.005 + 1), 6)
    expect(t.bankruptcyPrice[0]).toBeCloseTo(66000, 6)
  })

  it('binance COIN-M inverse: LP = (C*MMR + s*C) / (WB + cum + s*C/EP)', () => {
    const margin = 10000 / 60000 / 20
    const t = liquidation([
      position({ symbol: 'BTCUSD_PERP', contract: 'inverse', size: 10000, margin })
    ])
    expect(t.liquidationPrice[0]).toBeCloseTo((10000 * 0.004 + 10000) / (margin + 10000 / 60000), 6)
    expect(t.bankruptcyPrice[0]).toBeCloseTo(10000 / (margin + 10000 / 60000), 6)
  })

  it('bybit: maintenance on entry value, LP = EP - (WB - MM_entry)/Q', () => {
    const t = liquidation([position({ venue: 'bybit' })])
    expect(t.liquidationPrice[0]).toBeCloseTo(60000 - (6000 - 60000 * 0.005), 6)
  })

  it('okx: the tier rate on the whole notional at the LP, no maintenance amount', () => {
    const t = liquidation([position({ venue: 'okx', symbol: 'BTC-USDT-SWAP' })])
    expect(t.liquidationPrice[0]).toBeCloseTo((6000 - 60000) / (0.004 - 1), 6)
  })

  it('okx: where a band edge makes the excess reach zero twice, the LP is the one the price meets from the mark', () => {
    // 10 BTC enters the 0.6% band at 50,000; maintenance jumps there by 0.002 * 500,000 = 1,000.
    // Below maintenance between the band's root and the edge, above it again below the edge.
    const row = position({
      venue: 'okx',
      symbol: 'BTC-USDT-SWAP',
      size: 10,
      entryPrice: 51000,
      margin: 12500
    })
    const upper = (510000 - 12500) / (10 - 0.06)
    const lower = (510000 - 12500) / (10 - 0.04)
    const at = (mark: number) => liquidation([row], new Map([['BTC', mark]]))
    const fromAbove = at(51000)
    expect(fromAbove.liquidationPrice[0]).toBeCloseTo(upper, 6)
    expect(fromAbove.distance[0]).toBeGreaterThan(0)
    const fromBelow = at(49990)
    expect(fromBelow.liquidationPrice[0]).toBeCloseTo(lower, 6)
    expect(fromBelow.marginRatio[0]).toBeGreaterThan(1)
    expect(fromBelow.distance[0]).toBeCloseTo((49990 - lower) / 49990, 9)
    // Below maintenance at the mark: liquidatable now, and the LP is where it climbs back.
    const inside = at(50020)
    expect(inside.marginRatio[0]).toBeLessThan(1)
    expect(inside.distance[0]).toBe(0)
    expect(inside.liquidationPrice[0]).toBeCloseTo(upper, 6)
  })

  it('hyperliquid: maintenance is half the initial margin at max leverage (40x -> 1.25%)', () => {
    const t = liquidation([position({ venue: 'hyperliquid', symbol: 'BTC' })])
    expect(t.liquidationPrice[0]).toBeCloseTo((6000 - 60000) / (0.0125 - 1), 6)
  })

  it('an explicit mmr and maintenance amount override the table', () => {
    const t = liquidation([position({ venue: 'deribit', mmr: 0.01, maintenanceAmount: 100 })])
    expect(t.liquidationPrice[0]).toBeCloseTo((6000 + 100 - 60000) / (0.01 - 1), 6)
  })

  it("an OKX row's own maintenance amount applies too, as on every venue priced by notional", () => {
    const own = { mmr: 0.01, maintenanceAmount: 100 }
    const t = liquidation([
      position({ id: 'okx', venue: 'okx', symbol: 'BTC-USDT-SWAP', ...own }),
      position({
        id: 'cross',
        account: 'A',
        venue: 'okx',
        symbol: 'BTC-USDT-SWAP',
        ...own,
        marginMode: 'cross',
        margin: null,
        walletBalance: 6000
      })
    ])
    expect(t.liquidationPrice[0]).toBeCloseTo((6000 + 100 - 60000) / (0.01 - 1), 6)
    expect(t.liquidationPrice[1]).toBeCloseTo((6000 + 100 - 60000) / (0.01 - 1), 6)
  })

  it('derives the isolated margin from leverage when no margin is given', () => {
    const t = liquidation([position({ margin: null, leverage: 10 })])
    expect(t.liquidationPrice[0]).toBeCloseTo((6000 + 50 - 60000) / (0.005 - 1), 6)
  })

  it('a position already below maintenance at entry gets its LP past entry', () => {
    const t = liquidation([position({ margin: 100 })])
    // margin 100 < MM at entry (60000*0.005-50 = 250): the LP sits above the entry price
    const expected = (100 + 50 - 60000) / (0.005 - 1)
    expect(t.liquidationPrice[0]).toBeCloseTo(expected, 6)
    expect(t.liquidationPrice[0]).toBeGreaterThan(60000)
    expect(t.distance[0]).toBe(0)
  })

  it('a long whose margin covers a fall to zero has no liquidation price', () => {
    const t = liquidation([position({ margin: 70000 })])
    expect(t.liquidationPrice[0]).toBeNaN()
    expect(t.distance[0]).toBeNaN()
  })

  it('reports a position with no resolvable maintenance margin instead of guessing', () => {
    const t = liquidation([position({ venue: 'deribit' })])
    expect(t.issues).toHaveLength(1)
    expect(t.issues[0].reason).toMatch(/no tier table for deribit BTCUSDT/)
    expect(t.liquidationPrice[0]).toBeNaN()
  })

  it('gives distance to liquidation and equity/maintenance at the mark', () => {
    const t = liquidation([position({})])
    const lp = (6000 + 50 - 60000) / (0.005 - 1)
    expect(t.distance[0]).toBeCloseTo((60000 - lp) / 60000, 12)
    expect(t.marginRatio[0]).toBeCloseTo(6000 / (60000 * 0.005 - 50), 9)
  })
})

/** One cross account long BTC and ETH, 20,000 USDT in its wallet. */
const btcAndEthCross = (): PositionRow[] => [
  position({ id: 'btc', marginMode: 'cross', margin: null, walletBalance: 20000 }),
  position({
    id: 'eth',
    symbol: 'ETHUSDT',
    marginMode: 'cross',
    margin: null,
    walletBalance: 20000,
    size: 10,
    entryPrice: 2500
  })
]

describe('cross accounts are solved jointly', () => {
  it("matches DESIGN's formula with the account's other positions at their marks (TMM, UPNL)", () => {
    const t = liquidation(
      btcAndEthCross(),
      new Map([
        ['BTC', 60000],
        ['ETH', 2400]
      ])
    )
    const ethUpnl = 10 * (2400 - 2500)
    const ethMM = 24000 * 0.005 // tier 1
    // the LP (~41k notional) lands in BTC's first tier: rate 0.004, cum 0
    const lp = (20000 - ethMM + ethUpnl + 0 - 60000) / (0.004 - 1)
    expect(t.liquidationPrice[0]).toBeCloseTo(lp, 6)
    expect(t.crossGroup[0]).toBeGreaterThanOrEqual(0)
    expect(t.crossGroups[t.crossGroup[0]].members).toEqual([0])
  })

  it('moves all of an account’s positions on one market together, longs and shorts netted', () => {
    const rows = [
      position({ id: 'l', marginMode: 'cross', margin: null, walletBalance: 5000, size: 2 }),
      position({
        id: 's',
        marginMode: 'cross',
        margin: null,
        walletBalance: 5000,
        side: -1,
        size: 1,
        entryPrice: 61000
      })
    ]
    const t = liquidation(rows)
    const down = t.liquidationPrice[0]
    const up = t.liquidationPrice[1]
    expect(down).toBeLessThan(60000)
    // Net long 1 BTC: equity = 5000 + 2(P-60000) - (P-61000); maintenance from each leg's tier.
    const excess = (p: number) =>
      5000 + 2 * (p - 60000) - (p - 61000) - (2 * p * 0.005 - 50) - (p * 0.005 - 50)
    expect(excess(down)).toBeCloseTo(0, 6)
    // Upward the net long only gains, but maintenance keeps growing: the account liquidates far above.
    expect(Number.isNaN(up) || up > 60000).toBe(true)
  })

  it('refuses an inverse cross account that spans two coins', () => {
    const rows = [
      position({
        id: 'a',
        symbol: 'BTCUSD_PERP',
        contract: 'inverse',
        size: 1000,
        marginMode: 'cross',
        margin: null,
        walletBalance: 1
      }),
      position({
        id: 'b',
        symbol: 'ETHUSD_PERP',
        contract: 'inverse',
        size: 1000,
        marginMode: 'cross',
        margin: null,
        walletBalance: 1,
        mmr: 0.01
      })
    ]
    const t = liquidation(
      rows,
      new Map([
        ['BTC', 60000],
        ['ETH', 2500]
      ])
    )
    expect(t.issues.map((i) => i.reason).join()).toMatch(/must hold one coin/)
  })

  it('still solves the accounts after one it cannot solve', () => {
    const rows = [
      position({
        id: 'lost',
        account: 'A',
        symbol: 'SOLUSDT',
        marginMode: 'cross',
        margin: null,
        walletBalance: 100
      }),
      position({
        id: 'fine',
        account: 'B',
        marginMode: 'cross',
        margin: null,
        walletBalance: 20000
      })
    ]
    const t = liquidation(rows)
    expect(new Set(t.issues.map((issue) => issue.index))).toEqual(new Set([0]))
    expect(t.liquidationPrice[1]).toBeCloseTo((20000 - 60000) / (0.004 - 1), 6)
  })
})

describe('solving one market', () => {
  const marks = new Map([
    ['BTC', 60000],
    ['ETH', 2400]
  ])
  const rows = [
    ...btcAndEthCross(),
    position({ id: 'btc-iso', account: 'B' }),
    position({
      id: 'eth-iso',
      account: 'C',
      symbol: 'ETHUSDT',
      size: 10,
      entryPrice: 2500,
      margin: 2500
    })
  ]

  it("gives that market's positions the prices the whole table gives them, and leaves the rest", () => {
    const whole = computeLiquidationTable(buildBook(rows), registry, marks)
    const btc = computeLiquidationTable(buildBook(rows), registry, marks, { underlying: 'BTC' })
    for (const i of [0, 2]) {
      expect(btc.liquidationPrice[i]).toBe(whole.liquidationPrice[i])
      expect(btc.bankruptcyPrice[i]).toBe(whole.bankruptcyPrice[i])
      expect(btc.marginRatio[i]).toBe(whole.marginRatio[i])
    }
    for (const i of [1, 3]) {
      expect(whole.liquidationPrice[i]).toBeGreaterThan(0)
      expect(btc.liquidationPrice[i]).toBeNaN()
    }
    expect(btc.crossGroups.map((group) => group.underlying)).toEqual(['BTC'])
    expect(btc.issues).toEqual([])
  })

  it('solves only the isolated side a move can liquidate, and cross accounts whole', () => {
    const book = buildBook([...rows, position({ id: 'btc-short', account: 'D', side: -1 })])
    const whole = computeLiquidationTable(book, registry, marks)
    const fall = computeLiquidationTable(book, registry, marks, {
      underlying: 'BTC',
      isolatedSide: 1
    })
    expect(fall.liquidationPrice[2]).toBe(whole.liquidationPrice[2])
    expect(fall.liquidationPrice[4]).toBeNaN()
    expect(whole.liquidationPrice[4]).toBeGreaterThan(60000)
    expect(fall.crossGroups[0]).toEqual(whole.crossGroups[0])
  })
})

/** Straight from the definition, by bisection: equity(P) - maintenance(P) changes sign at the LP. */
function bisectLiquidation(row: PositionRow, rates: [number, number][]): number {
  const amounts = [0]
  for (let j = 1; j < rates.length; j++)
    amounts.push(rates[j][0] * (rates[j][1] - rates[j - 1][1]) + amounts[j - 1])
  const excess = (p: number) => {
    const notional = row.size * p
    let j = 0
    while (j + 1 < rates.length && rates[j + 1][0] <= notional) j++
    return (
      (row.margin ?? 0) +
      row.side * row.size * (p - row.entryPrice) -
      (notional * rates[j][1] - amounts[j])
    )
  }
  // The excess is monotone in P for one position (rising for longs), so bisect over all prices.
  let lo = 1e-9
  let hi = row.entryPrice * 100
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2
    const bad = excess(mid) <= 0
    if (row.side > 0 === bad) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

describe('property: isolated LPs agree with the definition solved by bisection', () => {
  it('binance tiers, random sizes, leverage and sides', () => {
    // The registry's own table: a short's liquidation price can reach the tiers past 20M.
    const tiers = BINANCE_BTC_TIERS
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 300, noNaN: true }),
        fc.double({ min: 1000, max: 100000, noNaN: true }),
        fc.integer({ min: 2, max: 50 }),
        fc.boolean(),
        (size, entry, leverage, long) => {
          const row = position({
            size,
            entryPrice: entry,
            margin: (size * entry) / leverage,
            side: long ? 1 : -1
          })
          const got = liquidation([row]).liquidationPrice[0]
          // bisection and the exact per-tier solve agree to about 1e-9 of the price
          expect(Math.abs(got / bisectLiquidation(row, tiers) - 1)).toBeLessThan(1e-6)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('property: OKX liquidation prices are the first the price meets from the mark', () => {
  // The registry's OKX table: 0.4% below a notional of 500,000, 0.6% from there on the whole.
  const excess = (row: PositionRow, price: number): number => {
    // As the engine writes it, in v = 1/P for inverse contracts, so a band edge falls alike.
    const notional = row.contract === 'inverse' ? row.size * (1 / price) : row.size * price
    const pnl =
      row.contract === 'inverse'
        ? row.side * row.size * (1 / row.entryPrice - 1 / price)
        : row.side * row.size * (price - row.entryPrice)
    return (row.margin ?? 0) + pnl - notional * (notional >= 500000 ? 0.006 : 0.004)
  }

  it('linear and inverse, longs and shorts, marks about a band edge', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 4, max: 20, noNaN: true }),
        fc.double({ min: -0.03, max: 0.03, noNaN: true }),
        fc.double({ min: -0.02, max: 0.02, noNaN: true }),
        fc.double({ min: 0.003, max: 0.05, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        (base, entryOffset, markOffset, marginShare, long, inverse) => {
          // Notional near the 500,000 edge at a BTC price of 50,000.
          const size = inverse ? base * 50000 * 2.5 : base * 2.5
          const edge = inverse ? size / 500000 : 500000 / size
          const entryPrice = edge * (1 + entryOffset)
          const mark = edge * (1 + markOffset)
          const row = position({
            venue: 'okx',
            symbol: 'BTC-USDT-SWAP',
            contract: inverse ? 'inverse' : 'linear',
            side: long ? 1 : -1,
            size,
            entryPrice,
            margin: (inverse ? size / entryPrice : size * entryPrice) * marginShare
          })
          // A mark on the edge itself, or an excess of 0 there, is a tie rounding decides.
          fc.pre(
            Math.abs(markOffset) > 1e-9 && Math.abs(excess(row, mark)) > 1e-9 * (row.margin ?? 1)
          )
          const t = liquidation([row], new Map([['BTC', mark]]))
          const lp = t.liquidationPrice[0]
          if (excess(row, mark) < 0) {
            expect(t.distance[0]).toBe(0)
            return
          }
          // Walking against the position from the mark, nothing before the LP is below maintenance.
          const toward = long ? -1 : 1
          const end = Number.isNaN(lp) ? mark * (1 + toward * 0.9) : lp
          for (let k = 1; k < 2000; k++) {
            const price = mark + ((end - mark) * k) / 2000
            expect(excess(row, price)).toBeGreaterThan(-1e-6 * size)
          }
          if (Number.isNaN(lp)) return
          // ...and at the LP it is: the excess reaches 0 there, or jumps below it at the edge.
          const past = lp * (1 + toward * 1e-9)
          expect(excess(row, past)).toBeLessThan(1e-6 * Math.max(1, Math.abs(excess(row, mark))))
        }
      ),
      { numRuns: 500 }
    )
  })

  it('a cross account on the band edge is below maintenance there: liquidatable now', () => {
    // Long 10 from 51,000: at 50,000 the notional enters the 0.6% band and the account is under.
    const row = position({
      id: 'x',
      account: 'X',
      venue: 'okx',
      symbol: 'BTC-USDT-SWAP',
      size: 10,
      entryPrice: 51000,
      marginMode: 'cross',
      margin: null,
      walletBalance: 12500
    })
    const t = liquidation([row], new Map([['BTC', 50000]]))
    expect(t.marginRatio[0]).toBeLessThan(1)
    expect(t.distance[0]).toBe(0)
    expect(t.crossGroups[0].downPrice).toBe(50000)
    expect(t.crossGroups[0].upPrice).toBe(50000)
  })
})

describe('property: the isolated solver and the cross-account solver agree on one position', () => {
  it('an account holding one position with its margin as wallet has the same liquidation price', () => {
    const venues = [
      { venue: 'binance', symbol: 'BTCUSDT', contract: 'linear' as const },
      { venue: 'binance', symbol: 'BTCUSD_PERP', contract: 'inverse' as const },
      { venue: 'bybit', symbol: 'BTCUSDT', contract: 'linear' as const },
      { venue: 'okx', symbol: 'BTC-USDT-SWAP', contract: 'linear' as const },
      { venue: 'hyperliquid', symbol: 'BTC', contract: 'linear' as const }
    ]
    fc.assert(
      fc.property(
        fc.constantFrom(...venues),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        fc.integer({ min: 2, max: 30 }),
        fc.boolean(),
        ({ venue, symbol, contract }, size, offset, leverage, long) => {
          const entryPrice = 60000 * (1 + offset)
          const quantity = contract === 'inverse' ? size * 1000 : size
          const margin =
            contract === 'inverse'
              ? quantity / entryPrice / leverage
              : (quantity * entryPrice) / leverage
          const base = {
            venue,
            symbol,
            contract,
            size: quantity,
            entryPrice,
            side: long ? (1 as const) : (-1 as const)
          }
          const isolated = liquidation([position({ ...base, margin })])
          const cross = liquidation([
            position({ ...base, marginMode: 'cross', margin: null, walletBalance: margin })
          ])
          const a = isolated.liquidationPrice[0]
          const b = cross.liquidationPrice[0]
          // The cross solver walks from the mark; an account already past it reports the mark.
          if (cross.distance[0] === 0 || Number.isNaN(a)) return
          expect(b / a).toBeCloseTo(1, 9)
          expect(cross.bankruptcyPrice[0] / isolated.bankruptcyPrice[0]).toBeCloseTo(1, 9)
        }
      ),
      { numRuns: 400 }
    )
  })
})

describe('a cross account of hundreds of positions', () => {
  // Hundreds of members: thousands of tier boundaries, walked step by step.
  const table = findTierTable(registry, 'binance', 'BTCUSDT')!
  const wallet = 40_000_000
  const account = (seed: number, longShare: number, count: number): PositionRow[] => {
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    return Array.from({ length: count }, (_, k) =>
      position({
        id: `p${k}`,
        marginMode: 'cross',
        margin: null,
        walletBalance: wallet,
        // The first a long and the second a short, so the table gives both of the account's prices.
        side: k === 0 ? 1 : k === 1 ? -1 : random() < longShare ? 1 : -1,
        size: 0.5 + random() * 40,
        entryPrice: 60000 * (0.97 + random() * 0.06)
      })
    )
  }
  const excessAt = (rows: PositionRow[], p: number) =>
    rows.reduce((sum, row) => {
      const notional = row.size * p
      const tier = tierIndexAt(table, notional)
      const maintenance = notional * table.rates[tier] - table.amounts[tier]
      return sum + row.side * row.size * (p - row.entryPrice) - maintenance
    }, wallet)

  it('liquidates where its excess over maintenance first reaches zero, down and up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        fc.integer({ min: 65, max: 400 }),
        (seed, longShare, count) => {
          const rows = account(seed, longShare, count)
          const solved = liquidation(rows)
          for (const [index, price] of [
            [0, solved.liquidationPrice[0]],
            [1, solved.liquidationPrice[1]]
          ]) {
            if (Number.isNaN(price)) continue
            expect(price < 60000).toBe(index === 0)
            expect(Math.abs(excessAt(rows, price))).toBeLessThan(1e-6 * wallet)
            // No earlier root: the excess stays positive on the way from the mark.
            for (let k = 1; k < 200; k++) {
              const p = 60000 + ((price - 60000) * k) / 200
              expect(excessAt(rows, p)).toBeGreaterThan(0)
            }
          }
        }
      ),
      { numRuns: 25 }
    )
  })
})
