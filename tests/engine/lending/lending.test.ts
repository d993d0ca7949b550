import { describe, expect, it } from 'vitest'
import { groupLendingLegs, LendingError } from '../../../src/engine/lending/lendingBook'
import {
  healthFactor,
  isPastToxicFrontier,
  lendingLiquidationPrice
} from '../../../src/engine/lending/health'
import { AAVE_V3_RULES, closeFactorFor } from '../../../src/engine/lending/closeFactor'
import { lendingOutcome, lendingUnits } from '../../../src/engine/lending/lendingCascade'
import { buildLiquidationLadder } from '../../../src/engine/cascade/liquidationLadder'
import { runCascade } from '../../../src/engine/cascade/runCascade'
import { buildBook } from '../../../src/engine/book/book'
import { computeLiquidationTable } from '../../../src/engine/margin/liquidationTable'
import { createTierRegistry } from '../../../src/engine/margin/tierRegistry'
import { createLinearImpact } from '../../../src/engine/impact/linearImpact'
import type { LendingLegRow } from '../../../src/engine/lending/legRow'

const leg = (overrides: Partial<LendingLegRow>): LendingLegRow => ({
  account: 'L1',
  protocol: 'aave-v3',
  asset: 'WETH',
  role: 'collateral',
  amount: 10,
  liquidationThreshold: 0.83,
  liquidationBonus: 0.05,
  ...overrides
})

const borrower = () =>
  groupLendingLegs([
    leg({}),
    leg({
      asset: 'USDC',
      role: 'debt',
      amount: 15000,
      liquidationThreshold: null,
      liquidationBonus: null
    })
  ])

const prices = new Map([['ETH', 2680]])

describe('lending positions', () => {
  it('groups legs by account and protocol, and insists collateral has LT and LB', () => {
    const positions = groupLendingLegs([
      leg({}),
      leg({ protocol: 'compound-v3' }),
      leg({ asset: 'USDC', role: 'debt', amount: 1 })
    ])
    expect(positions.map((p) => [p.protocol, p.collateral.length, p.debt.length])).toEqual([
      ['aave-v3', 1, 1],
      ['compound-v3', 1, 0]
    ])
    expect(() => groupLendingLegs([leg({ liquidationBonus: null })])).toThrow(LendingError)
  })

  it('HF = sum(C*P*LT) / sum(D*P), with WETH priced as ETH and USDC at 1', () => {
    expect(healthFactor(borrower()[0], prices)).toBeCloseTo((10 * 2680 * 0.83) / 15000, 12)
  })

  it('the collateral price where HF reaches 1, liquidating on a fall', () => {
    expect(lendingLiquidationPrice(borrower()[0], 'ETH', prices)).toEqual({
      price: 15000 / (10 * 0.83),
      direction: -1
    })
  })

  it('a borrower of the asset is liquidated on its rise', () => {
    const [short] = groupLendingLegs([
      leg({ asset: 'USDC', amount: 10000, liquidationThreshold: 0.8 }),
      leg({
        asset: 'WETH',
        role: 'debt',
        amount: 2,
        liquidationThreshold: null,
        liquidationBonus: null
      })
    ])
    expect(lendingLiquidationPrice(short, 'ETH', prices)).toEqual({ price: 4000, direction: 1 })
  })

  it('flags positions past the toxic frontier LTV > 1/(1+LB)', () => {
    expect(isPastToxicFrontier(borrower()[0], prices)).toBe(false)
    expect(isPastToxicFrontier(borrower()[0], new Map([['ETH', 1500]]))).toBe(true)
  })

  it('uses a 50% close factor, 100% when deep below 1 or small', () => {
    expect(closeFactorFor(AAVE_V3_RULES, 0.99, 10000, 12000)).toBe(0.5)
    expect(closeFactorFor(AAVE_V3_RULES, 0.9, 10000, 12000)).toBe(1)
    expect(closeFactorFor(AAVE_V3_RULES, 0.99, 1000, 1200)).toBe(1)
  })
})

describe('lending liquidations in the cascade', () => {
  const positions = borrower()
  const level = 15000 / 8.3
  const seizedEth = (7500 * 1.05) / level
  const book = buildBook([])
  const table = computeLiquidationTable(book, createTierRegistry([]), prices)
  const units = lendingUnits(positions, 'ETH', -1, prices, AAVE_V3_RULES)
  const ladder = buildLiquidationLadder(book, table, 'ETH', -1, units)

  it('sells the seized collateral into the falling market at the liquidation level', () => {
    expect(units).toHaveLength(1)
    expect(units[0].price).toBeCloseTo(level, 9)
    expect(units[0].quantity).toBeCloseTo(seizedEth, 9)
    expect(ladder.venueNames[ladder.venue[0]]).toBe('aave-v3')
  })

  it('leaves bad debt when the price ends below what the rest of the collateral covers', () => {
    const model = createLinearImpact({ depthPerPercent: 1e9 })
    const run = runCascade({ ladder, startPrice: 2680, shock: 500 / 2680 - 1, model })
    const outcome = lendingOutcome(positions, ladder, run, prices, AAVE_V3_RULES)
    expect(outcome.liquidatedCount).toBe(1)
    expect(outcome.repaidDebt).toBeCloseTo(7500, 9)
    const finalPrice = run.summary.finalPrice
    expect(outcome.badDebt).toBeCloseTo(Math.max(0, 7500 - (10 - seizedEth) * finalPrice), 6)
    expect(outcome.badDebt).toBeGreaterThan(0)
  })
})
