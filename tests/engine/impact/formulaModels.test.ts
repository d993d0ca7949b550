import { describe, expect, it } from 'vitest'
import { createAmmImpact } from '../../../src/engine/impact/ammImpact'
import { ImpactModelError } from '../../../src/engine/impact/impactModelError'
import { createLinearImpact } from '../../../src/engine/impact/linearImpact'
import { createSqrtImpact } from '../../../src/engine/impact/sqrtImpact'

const sell = (notional: number, quantity = 0) => ({ notional, quantity })

describe('linear impact', () => {
  const model = createLinearImpact({ depthPerPercent: 1e6 })

  it('moves the price 1% per D of notional, each way', () => {
    // 5e5 / (100 * 1e6) = 0.5%
    expect(model.priceAfter(100, -1, sell(5e5))).toBeCloseTo(99.5, 12)
    expect(model.priceAfter(100, 1, sell(5e5))).toBeCloseTo(100.5, 12)
    expect(model.priceAfter(60_000, -1, sell(3e6))).toBeCloseTo(58_200, 9)
  })

  it('floors sells at 0 once the notional passes 100 * D', () => {
    expect(model.priceAfter(100, -1, sell(1e8))).toBe(0)
    expect(model.priceAfter(100, -1, sell(5e8))).toBe(0)
    expect(model.priceAfter(100, 1, sell(5e8))).toBeCloseTo(600, 9)
  })

  it('ignores the base quantity', () => {
    expect(model.priceAfter(100, -1, sell(5e5, 1e9))).toBe(model.priceAfter(100, -1, sell(5e5)))
  })

  it('describes its depth', () => {
    expect(model.describe()).toEqual({ kind: 'linear', depthPerPercent: 1e6 })
  })

  it.each([-5, 0, Number.NaN, Number.POSITIVE_INFINITY])('rejects a depth of %s', (depth) => {
    expect(() => createLinearImpact({ depthPerPercent: depth })).toThrow(ImpactModelError)
  })

  it('names the parameter and the bad value', () => {
    expect(() => createLinearImpact({ depthPerPercent: -5 })).toThrow(
      'linear impact: depth per 1% must be a positive finite number, got -5'
    )
  })
})

describe('square-root impact', () => {
  const model = createSqrtImpact({ dailyVolume: 1e9, dailyVolatility: 0.04, coefficient: 1 })

  it('moves the price by Y * sigma * sqrt(N / V), each way', () => {
    // sqrt(1e7 / 1e9) = 0.1, times 0.04 = 0.4%
    expect(model.priceAfter(100, -1, sell(1e7))).toBeCloseTo(99.6, 12)
    expect(model.priceAfter(100, 1, sell(1e7))).toBeCloseTo(100.4, 12)
    // a quarter of the daily volume: 0.5 * 0.04 * 0.5 = 1% with Y = 0.5
    const halfY = createSqrtImpact({ dailyVolume: 1e9, dailyVolatility: 0.04, coefficient: 0.5 })
    expect(halfY.priceAfter(200, -1, sell(2.5e8))).toBeCloseTo(198, 12)
  })

  it('floors sells at 0', () => {
    // Y * sigma * sqrt(N / V) = 1 at N = V / (0.04)^2 = 625 V
    expect(model.priceAfter(100, -1, sell(625e9))).toBeCloseTo(0, 9)
    expect(model.priceAfter(100, -1, sell(1e12))).toBe(0)
  })

  it('describes its parameters', () => {
    expect(model.describe()).toEqual({
      kind: 'sqrt',
      dailyVolume: 1e9,
      dailyVolatility: 0.04,
      coefficient: 1
    })
  })

  it('rejects each bad parameter by name', () => {
    const good = { dailyVolume: 1e9, dailyVolatility: 0.04, coefficient: 1 }
    expect(() => createSqrtImpact({ ...good, dailyVolume: 0 })).toThrow(
      'square-root impact: daily volume must be a positive finite number, got 0'
    )
    expect(() => createSqrtImpact({ ...good, dailyVolatility: -0.1 })).toThrow(
      'square-root impact: daily volatility must be a positive finite number, got -0.1'
    )
    expect(() => createSqrtImpact({ ...good, coefficient: Number.NaN })).toThrow(ImpactModelError)
  })
})

describe('constant-product AMM impact', () => {
  // x = 1,000 base at ps = 100, so y = 100,000 quote
  const model = createAmmImpact({ baseReserve: 1000 })

  it('prices a sell of base Q at ps * (x / (x + Q))^2', () => {
    expect(model.priceAfter(100, -1, sell(0, 1000))).toBe(25)
    expect(model.priceAfter(100, -1, sell(0, 250))).toBeCloseTo(64, 12)
  })

  it('prices a buy of quote N at ps * ((y + N) / y)^2', () => {
    expect(model.priceAfter(100, 1, sell(1e5))).toBe(400)
    expect(model.priceAfter(100, 1, sell(2.5e4))).toBeCloseTo(156.25, 12)
  })

  it('reads base for sells and quote for buys only', () => {
    expect(model.priceAfter(100, -1, sell(1e9, 250))).toBe(model.priceAfter(100, -1, sell(0, 250)))
    expect(model.priceAfter(100, 1, sell(2.5e4, 1e9))).toBe(model.priceAfter(100, 1, sell(2.5e4)))
  })

  it('scales the pool with the post-shock price (same x, y = x * ps)', () => {
    expect(model.priceAfter(50, -1, sell(0, 1000))).toBe(12.5)
    expect(model.priceAfter(50, 1, sell(5e4))).toBe(200)
  })

  it('rejects a bad base reserve', () => {
    expect(() => createAmmImpact({ baseReserve: -1 })).toThrow(
      'AMM impact: base reserve must be a positive finite number, got -1'
    )
    expect(() => createAmmImpact({ baseReserve: '5' as unknown as number })).toThrow(
      'AMM impact: base reserve must be a positive finite number, got "5"'
    )
  })
})
