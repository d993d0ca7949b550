import { describe, expect, it } from 'vitest'
import type { LendingLegRow } from '../../../src/engine/lending/legRow'
import { sampleLendingLegs } from '../../../src/engine/sample/sampleLendingLegs'
import { sampleMarketOf } from '../../../src/engine/sample/sampleMarkets'

const POSITIONS = 5_000

const PRICES: Record<string, number> = {
  WETH: sampleMarketOf('ETH').price,
  wstETH: sampleMarketOf('ETH').price,
  WBTC: sampleMarketOf('BTC').price,
  USDC: 1,
  USDT: 1,
  DAI: 1
}

const COLLATERAL_TERMS: Record<string, [number, number]> = {
  WETH: [0.83, 0.05],
  WBTC: [0.78, 0.065],
  wstETH: [0.81, 0.06]
}

const legs = sampleLendingLegs({ positions: POSITIONS, seed: 5 })

function byAccount(all: readonly LendingLegRow[]): Map<string, LendingLegRow[]> {
  const accounts = new Map<string, LendingLegRow[]>()
  for (const leg of all) accounts.set(leg.account, [...(accounts.get(leg.account) ?? []), leg])
  return accounts
}

function healthFactor(position: readonly LendingLegRow[]): number {
  let thresholdValue = 0
  let debtValue = 0
  for (const leg of position) {
    const value = leg.amount * PRICES[leg.asset]
    if (leg.role === 'collateral') thresholdValue += value * leg.liquidationThreshold!
    else debtValue += value
  }
  return thresholdValue / debtValue
}

describe('sampleLendingLegs', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(sampleLendingLegs({ positions: POSITIONS, seed: 5 })).toEqual(legs)
    expect(sampleLendingLegs({ positions: 300, seed: 6 })).not.toEqual(
      sampleLendingLegs({ positions: 300, seed: 5 })
    )
  })

  it('names one account per position, each on one protocol', () => {
    const accounts = byAccount(legs)
    expect([...accounts.keys()]).toEqual(
      Array.from({ length: POSITIONS }, (_, i) => `L${String(i + 1).padStart(5, '0')}`)
    )
    for (const position of accounts.values()) {
      expect(new Set(position.map((leg) => leg.protocol)).size).toBe(1)
      expect(['aave-v3', 'compound-v3']).toContain(position[0].protocol)
    }
    expect(sampleLendingLegs({ positions: 0, seed: 5 })).toEqual([])
  })

  it('pairs one or two known collaterals with one stablecoin debt', () => {
    const accounts = [...byAccount(legs).values()]
    for (const position of accounts) {
      const collateral = position.filter((leg) => leg.role === 'collateral')
      const debt = position.filter((leg) => leg.role === 'debt')
      expect(collateral.length).toBeGreaterThanOrEqual(1)
      expect(collateral.length).toBeLessThanOrEqual(2)
      expect(new Set(collateral.map((leg) => leg.asset)).size).toBe(collateral.length)
      for (const leg of collateral) {
        expect([leg.liquidationThreshold, leg.liquidationBonus]).toEqual(
          COLLATERAL_TERMS[leg.asset]
        )
      }
      expect(debt).toHaveLength(1)
      const debtAssets =
        position[0].protocol === 'aave-v3' ? ['USDC', 'USDT', 'DAI'] : ['USDC', 'USDT']
      expect(debtAssets).toContain(debt[0].asset)
      expect([debt[0].liquidationThreshold, debt[0].liquidationBonus]).toEqual([null, null])
    }
    const twoCollateral = accounts.filter(
      (position) => position.filter((leg) => leg.role === 'collateral').length === 2
    ).length
    expect(twoCollateral / accounts.length).toBeGreaterThan(0.05)
    expect(twoCollateral / accounts.length).toBeLessThan(0.2)
  })

  it('spreads health factors from about 1.02 to 3, most between 1.2 and 2', () => {
    const factors = [...byAccount(legs).values()].map(healthFactor)
    for (const factor of factors) {
      expect(factor).toBeGreaterThanOrEqual(1.02)
      expect(factor).toBeLessThanOrEqual(3)
    }
    const typical = factors.filter((factor) => factor >= 1.2 && factor <= 2).length
    expect(typical / factors.length).toBeGreaterThan(0.6)
    expect(Math.min(...factors)).toBeLessThan(1.1)
    expect(Math.max(...factors)).toBeGreaterThan(2.4)
  })

  it('sizes positions log-normally with finite positive amounts', () => {
    expect(legs.every((leg) => Number.isFinite(leg.amount) && leg.amount > 0)).toBe(true)
    const collateralUsd = [...byAccount(legs).values()]
      .map((position) =>
        position
          .filter((leg) => leg.role === 'collateral')
          .reduce((sum, leg) => sum + leg.amount * PRICES[leg.asset], 0)
      )
      .sort((a, b) => a - b)
    expect(collateralUsd[Math.floor(collateralUsd.length / 2)]).toBeLessThan(100_000)
    expect(collateralUsd[collateralUsd.length - 1]).toBeGreaterThan(1e6)
  })

  it('rejects a position count that is not a non-negative integer', () => {
    expect(() => sampleLendingLegs({ positions: -2, seed: 1 })).toThrow(RangeError)
  })
})
