import { describe, expect, it } from 'vitest'
import { buildTierTable, tierIndexAt, TierTableError } from '../../../src/engine/margin/tierTable'
import { BINANCE_BTC_TIERS, table } from './helpers'

const record = (
  line: number,
  floor: number,
  rate: number | null,
  amount: number | null = null,
  maxLeverage: number | null = null
) => ({
  line,
  notionalFloor: floor,
  maintenanceMarginRate: rate,
  maintenanceAmount: amount,
  maxLeverage
})

describe('tier tables', () => {
  it('derives maintenance amounts by the recursion cum_n = floor_n*(MMR_n - MMR_n-1) + cum_n-1', () => {
    const btc = table('binance', 'BTCUSDT', BINANCE_BTC_TIERS)
    expect(btc.amounts[0]).toBe(0)
    expect(btc.amounts[1]).toBeCloseTo(50, 9)
    expect(btc.amounts[2]).toBeCloseTo(50 + 250000 * 0.005, 9)
    expect(btc.amounts[3]).toBeCloseTo(1300 + 3000000 * 0.015, 9)
  })

  it('keeps the maintenance margin continuous across every boundary', () => {
    const btc = table('binance', 'BTCUSDT', BINANCE_BTC_TIERS)
    for (let j = 1; j < btc.floors.length; j++) {
      const n = btc.floors[j]
      const below = n * btc.rates[j - 1] - btc.amounts[j - 1]
      const above = n * btc.rates[j] - btc.amounts[j]
      expect(above).toBeCloseTo(below, 6)
    }
  })

  it('finds the tier a notional falls in, floors inclusive', () => {
    const btc = table('binance', 'BTCUSDT', BINANCE_BTC_TIERS)
    expect(tierIndexAt(btc, 0)).toBe(0)
    expect(tierIndexAt(btc, 49999.99)).toBe(0)
    expect(tierIndexAt(btc, 50000)).toBe(1)
    expect(tierIndexAt(btc, 1e12)).toBe(9)
  })

  it('turns Hyperliquid max leverage into half the initial margin rate', () => {
    const hl = buildTierTable('hyperliquid', 'BTC', [
      record(2, 0, null, null, 40),
      record(3, 150e6, null, null, 20)
    ])
    expect(hl.rates[0]).toBeCloseTo(0.0125, 12)
    expect(hl.rates[1]).toBeCloseTo(0.025, 12)
    expect(hl.amounts[1]).toBeCloseTo(150e6 * 0.0125, 6)
  })

  it('rejects tables that break the rules, naming the line', () => {
    expect(() => buildTierTable('v', 's', [])).toThrow(TierTableError)
    expect(() => buildTierTable('v', 's', [record(2, 10, 0.01)])).toThrow(
      /line 2: the first tier must start at notional 0/
    )
    expect(() => buildTierTable('v', 's', [record(2, 0, 0.01), record(3, 0, 0.02)])).toThrow(
      /line 3: notional floors must ascend/
    )
    expect(() => buildTierTable('v', 's', [record(2, 0, 0.02), record(3, 10, 0.01)])).toThrow(
      /line 3: maintenance margin rates must not decrease/
    )
    expect(() => buildTierTable('v', 's', [record(2, 0, 1.5)])).toThrow(/\[0, 1\)/)
    expect(() =>
      buildTierTable('v', 's', [record(2, 0, 0.004), record(3, 50000, 0.005, 49)])
    ).toThrow(/breaks the recursion/)
    expect(() => buildTierTable('v', 's', [record(2, 0, Number.NaN)])).toThrow(TierTableError)
  })

  it('accepts a maintenance amount that agrees with the recursion', () => {
    const t = buildTierTable('v', 's', [record(2, 0, 0.004, 0), record(3, 50000, 0.005, 50)])
    expect(t.amounts[1]).toBe(50)
  })
})
