import { beforeAll, describe, expect, it } from 'vitest'
import type { PositionRow } from '../../../src/engine/book/positionRow'
import { underlyingOf } from '../../../src/engine/market/underlyingOf'
import { createRandom } from '../../../src/engine/math/random'
import { drawEntryPrice } from '../../../src/engine/sample/drawEntryPrice'
import { maintenanceRateBound } from '../../../src/engine/sample/maintenanceRateBound'
import { roughLiquidationPrice } from '../../../src/engine/sample/roughLiquidationPrice'
import {
  SAMPLE_INSTRUMENTS,
  type SampleInstrument
} from '../../../src/engine/sample/sampleInstruments'
import { sampleMarketOf } from '../../../src/engine/sample/sampleMarkets'
import { samplePositions } from '../../../src/engine/sample/samplePositions'
import { hasTierFile, readTierFile, tierRateAt, type TierFile } from './tierFiles'

const ROWS_PER_SEED = 15_000
const SEEDS = [7, 8, 9]
const MIN_DISTANCE = 0.005
const FLOAT_SLACK = 1e-9

let rows: PositionRow[]
let tiers: Map<string, TierFile>

beforeAll(() => {
  rows = SEEDS.flatMap((seed) =>
    [...samplePositions({ rows: ROWS_PER_SEED, seed })].map((row) => ({
      ...row,
      account: `${seed}:${row.account}`
    }))
  )
  tiers = new Map(
    SAMPLE_INSTRUMENTS.filter((spec) => !spec.explicitMmr).map((spec) => [
      pairOf(spec),
      readTierFile(spec.venue, spec.symbol)
    ])
  )
})

function pairOf(row: { venue: string; symbol: string }): string {
  return `${row.venue}/${row.symbol}`
}

function instrumentOf(row: PositionRow): SampleInstrument {
  const spec = SAMPLE_INSTRUMENTS.find((candidate) => pairOf(candidate) === pairOf(row))
  if (!spec) throw new Error(`row ${row.id} trades ${pairOf(row)}, not a sample instrument`)
  return spec
}

function notionalUsd(row: PositionRow): number {
  return row.contract === 'linear' ? row.size * row.markPrice! : row.size
}

/** Position value at the mark in the margin currency, the unit of its tier table. */
function marginNotional(row: PositionRow): number {
  return row.contract === 'linear' ? row.size * row.markPrice! : row.size / row.markPrice!
}

/**
 * The rate the venue's tier table gives this row, by notional or, for size tables (OKX), by the
 * row's size; rows with an explicit mmr use it.
 */
function tierRate(row: PositionRow): number {
  if (row.mmr !== null) return row.mmr
  return tierRateAt(tiers.get(pairOf(row))!, marginNotional(row), row.size)
}

function unrealisedPnl(row: PositionRow): number {
  const mark = row.markPrice!
  if (row.contract === 'linear') return row.side * row.size * (mark - row.entryPrice)
  return row.side * row.size * (1 / row.entryPrice - 1 / mark)
}

function accountsOf(book: readonly PositionRow[]): PositionRow[][] {
  const accounts = new Map<string, PositionRow[]>()
  for (const row of book) accounts.set(row.account, [...(accounts.get(row.account) ?? []), row])
  return [...accounts.values()]
}

function share(predicate: (row: PositionRow) => boolean): number {
  return rows.filter(predicate).length / rows.length
}

/** Ids of the rows failing a check: one assertion, and a failure that names the rows. */
function offenders(book: readonly PositionRow[], passes: (row: PositionRow) => boolean): string[] {
  return book.filter((row) => !passes(row)).map((row) => `${row.account} ${row.id}`)
}

describe('samplePositions determinism', () => {
  it('gives the same rows for the same options, bit for bit', () => {
    const first = [...samplePositions({ rows: 3_000, seed: 11 })]
    const second = [...samplePositions({ rows: 3_000, seed: 11 })]
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  })

  it('gives a different book for a different seed', () => {
    const first = [...samplePositions({ rows: 500, seed: 11 })]
    const second = [...samplePositions({ rows: 500, seed: 12 })]
    expect(second.map((row) => row.entryPrice)).not.toEqual(first.map((row) => row.entryPrice))
  })

  it('yields exactly the rows asked for, with sequential ids', () => {
    for (const count of [0, 1, 7, 1_001]) {
      const book = [...samplePositions({ rows: count, seed: 3 })]
      expect(book.map((row) => row.id)).toEqual(
        Array.from({ length: count }, (_, i) => `P${String(i + 1).padStart(7, '0')}`)
      )
    }
    expect(offenders(rows, (row) => /^\d+:A\d{5,}$/.test(row.account))).toEqual([])
  })

  it('rejects a row count that is not a non-negative integer', () => {
    expect(() => [...samplePositions({ rows: -1, seed: 1 })]).toThrow(RangeError)
    expect(() => [...samplePositions({ rows: 2.5, seed: 1 })]).toThrow(RangeError)
  })
})

describe('samplePositions instruments', () => {
  it('trades only pairs with a tier file, plus generic rows that carry their own mmr', () => {
    const generic = rows.filter((row) => row.venue === 'generic')
    const tiered = rows.filter((row) => row.venue !== 'generic')
    expect(offenders(generic, (row) => row.mmr !== null && row.mmr > 0)).toEqual([])
    expect(
      offenders(tiered, (row) => row.mmr === null && hasTierFile(row.venue, row.symbol))
    ).toEqual([])
    expect(offenders(rows, (row) => row.maintenanceAmount === null)).toEqual([])
    expect(generic.length / rows.length).toBeGreaterThan(0.01)
    expect(generic.length / rows.length).toBeLessThan(0.035)
  })

  it('covers every sample instrument, BTC most, then ETH', () => {
    const pairs = new Set(rows.map(pairOf))
    expect(SAMPLE_INSTRUMENTS.map(pairOf).filter((pair) => !pairs.has(pair))).toEqual([])
    const btc = share((row) => underlyingOf(row.symbol) === 'BTC')
    const eth = share((row) => underlyingOf(row.symbol) === 'ETH')
    expect(btc).toBeGreaterThan(0.45)
    expect(eth).toBeLessThan(btc)
    expect(eth).toBeGreaterThan(1 - btc - eth)
  })

  it('uses inverse contracts only on the coin-margined symbols', () => {
    const inverse = new Set(rows.filter((row) => row.contract === 'inverse').map(pairOf))
    expect([...inverse].sort()).toEqual(['binance/BTCUSD_PERP', 'bybit/BTCUSD'])
  })

  it('marks every row at its market price, with entries on the tick and sizes on the step', () => {
    const onGrid = (value: number, step: number) =>
      Math.abs(value / step - Math.round(value / step)) < 1e-6
    expect(
      offenders(rows, (row) => {
        const spec = instrumentOf(row)
        return (
          row.markPrice === sampleMarketOf(underlyingOf(row.symbol)).price &&
          onGrid(row.entryPrice, spec.tickSize) &&
          onGrid(row.size, spec.sizeStep)
        )
      })
    ).toEqual([])
  })

  it('matches the sample instrument data to the tier files', () => {
    for (const spec of SAMPLE_INSTRUMENTS.filter((candidate) => !candidate.explicitMmr)) {
      const table = tiers.get(pairOf(spec))!
      expect(spec.maintenanceRate, pairOf(spec)).toBe(table.rates[0])
      expect(spec.maxLeverage, pairOf(spec)).toBeLessThanOrEqual(1 / (2 * table.rates[0]))
    }
    expect(SAMPLE_INSTRUMENTS.find((spec) => pairOf(spec) === 'hyperliquid/BTC')?.maxLeverage).toBe(
      40
    )
  })

  it('bounds every tier up to $25M notional from above', () => {
    const below: string[] = []
    for (const spec of SAMPLE_INSTRUMENTS.filter((candidate) => !candidate.explicitMmr)) {
      const table = tiers.get(pairOf(spec))!
      // Size floors are in the base coin (linear) and count at the sample's mark, where the
      // generator bounds the rate; notional floors are in the margin currency.
      const price = sampleMarketOf(underlyingOf(spec.symbol)).price
      const inUsd =
        table.measure === 'size' ? spec.contract === 'linear' : spec.contract === 'inverse'
      const usdPerTableUnit = inUsd ? price : 1
      expect(table.floors.every(Number.isFinite), pairOf(spec)).toBe(true)
      table.floors.forEach((floor, i) => {
        const floorUsd = floor * usdPerTableUnit
        if (floorUsd <= 25e6 && maintenanceRateBound(spec, floorUsd) < table.rates[i]) {
          below.push(`${pairOf(spec)} at ${floor}`)
        }
      })
    }
    expect(below).toEqual([])
  })
})

describe('samplePositions mix', () => {
  it('has longs and shorts on every pair, about 60% long overall', () => {
    const longs = share((row) => row.side === 1)
    expect(longs).toBeGreaterThan(0.55)
    expect(longs).toBeLessThan(0.67)
    for (const spec of SAMPLE_INSTRUMENTS) {
      const sides = new Set(
        rows.filter((row) => pairOf(row) === pairOf(spec)).map((row) => row.side)
      )
      expect([...sides].sort(), pairOf(spec)).toEqual([-1, 1])
    }
  })

  it('draws leverage from 2 up to what the venue allows at the position size', () => {
    expect(
      offenders(
        rows,
        (row) =>
          row.leverage! >= 2 &&
          row.leverage! <= instrumentOf(row).maxLeverage &&
          row.leverage! * 2 * tierRate(row) <= 1 + FLOAT_SLACK
      )
    ).toEqual([])
    expect(share((row) => row.leverage! >= 10 && row.leverage! <= 25)).toBeGreaterThan(0.5)
    expect(rows.some((row) => row.leverage === 100)).toBe(true)
  })

  it('sizes log-normally: mostly small tickets, a tail of whales up to $20M', () => {
    const notionals = rows.map(notionalUsd).sort((a, b) => a - b)
    expect(notionals[0]).toBeGreaterThan(1)
    expect(notionals[notionals.length - 1]).toBeLessThanOrEqual(20.1e6)
    expect(notionals[Math.floor(notionals.length / 2)]).toBeLessThan(10_000)
    expect(notionals.filter((notional) => notional > 1e6).length).toBeGreaterThan(30)
  })

  it('puts about 15% of rows in cross accounts', () => {
    const cross = share((row) => row.marginMode === 'cross')
    expect(cross).toBeGreaterThan(0.11)
    expect(cross).toBeLessThan(0.19)
  })

  it('gives every number that must be positive a finite positive value', () => {
    const positive = (value: number | null) => value !== null && Number.isFinite(value) && value > 0
    expect(
      offenders(
        rows,
        (row) =>
          [row.size, row.entryPrice, row.leverage, row.markPrice].every(positive) &&
          positive(row.marginMode === 'isolated' ? row.margin : row.walletBalance)
      )
    ).toEqual([])
  })
})

describe('samplePositions accounts', () => {
  it('keeps an account on one venue, one contract kind, one margin mode and distinct symbols', () => {
    const mixed = accountsOf(rows).filter(
      (held) =>
        new Set(held.map((row) => row.venue)).size > 1 ||
        new Set(held.map((row) => row.contract)).size > 1 ||
        new Set(held.map((row) => row.marginMode)).size > 1 ||
        new Set(held.map((row) => row.symbol)).size < held.length
    )
    expect(mixed.map((held) => held[0].account)).toEqual([])
  })

  it('repeats one wallet balance on every row of a cross account, none on isolated rows', () => {
    const cross = accountsOf(rows).filter((held) => held[0].marginMode === 'cross')
    const inconsistent = cross.filter(
      (held) =>
        new Set(held.map((row) => row.walletBalance)).size !== 1 ||
        held.some((row) => row.margin !== null) ||
        held.length > 6
    )
    expect(inconsistent.map((held) => held[0].account)).toEqual([])
    const linear = cross.filter((held) => held[0].contract === 'linear')
    expect(linear.filter((held) => held.length >= 2).length / linear.length).toBeGreaterThan(0.9)
    expect(cross.some((held) => held[0].contract === 'inverse')).toBe(true)
    const isolated = rows.filter((row) => row.marginMode === 'isolated')
    expect(offenders(isolated, (row) => row.walletBalance === null)).toEqual([])
  })

  it('posts at least the initial margin on isolated rows, sometimes more', () => {
    const isolated = rows.filter((row) => row.marginMode === 'isolated')
    const initialMargin = (row: PositionRow) =>
      (row.contract === 'linear' ? row.size * row.entryPrice : row.size / row.entryPrice) /
      row.leverage!
    expect(offenders(isolated, (row) => row.margin! >= initialMargin(row) * (1 - 1e-12))).toEqual(
      []
    )
    const toppedUp = isolated.filter((row) => row.margin! > 1.05 * initialMargin(row)).length
    expect(toppedUp / isolated.length).toBeGreaterThan(0.1)
    expect(toppedUp / isolated.length).toBeLessThan(0.3)
  })
})

describe('samplePositions plausibility', () => {
  it('leaves no isolated row within 0.5% of its rough liquidation price at the tier rate', () => {
    const isolated = rows.filter((row) => row.marginMode === 'isolated')
    const clear = (row: PositionRow) => {
      const { contract, side, entryPrice, leverage } = row
      const liquidation = roughLiquidationPrice(
        contract,
        side,
        entryPrice,
        leverage!,
        tierRate(row)
      )
      return (side * (row.markPrice! - liquidation)) / row.markPrice! >= MIN_DISTANCE - FLOAT_SLACK
    }
    expect(offenders(isolated, clear)).toEqual([])
  })

  it('uses the plain linear formula entry*(1 - s/L + s*mmr)', () => {
    expect(roughLiquidationPrice('linear', 1, 100, 10, 0.005)).toBeCloseTo(90.5, 10)
    expect(roughLiquidationPrice('linear', -1, 100, 10, 0.005)).toBeCloseTo(109.5, 10)
  })

  it('keeps every cross account clear of its maintenance margin after a 0.5% adverse move', () => {
    const cross = accountsOf(rows).filter((held) => held[0].marginMode === 'cross')
    const unsafe = cross.filter((held) => {
      const equity = held[0].walletBalance! + held.reduce((sum, row) => sum + unrealisedPnl(row), 0)
      const maintenance = held.reduce((sum, row) => sum + marginNotional(row) * tierRate(row), 0)
      const gross = held.reduce((sum, row) => sum + marginNotional(row), 0)
      return equity - maintenance < MIN_DISTANCE * gross * (1 - FLOAT_SLACK)
    })
    expect(unsafe.map((held) => held[0].account)).toEqual([])
  })

  it('still finds an entry clear of liquidation when no draw can be', () => {
    const still = { ...sampleMarketOf('BTC'), dailyVolatility: 0 }
    for (const side of [1, -1] as const) {
      for (const contract of ['linear', 'inverse'] as const) {
        const terms = { contract, side, leverage: 100, mmr: 0.0099, tickSize: 0.1 }
        const entry = drawEntryPrice(createRandom(1), still, terms)
        const liquidation = roughLiquidationPrice(contract, side, entry, 100, 0.0099)
        expect((side * (still.price - liquidation)) / still.price).toBeGreaterThanOrEqual(
          MIN_DISTANCE
        )
      }
    }
  })
})
