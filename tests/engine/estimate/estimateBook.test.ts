import { describe, expect, it } from 'vitest'
import {
  DEFAULT_ASSUMPTIONS,
  LEVERAGE_MIXES,
  type EstimateAssumptions
} from '../../../src/engine/estimate/estimateAssumptions'
import { estimateBook } from '../../../src/engine/estimate/estimateBook'
import { EstimateError } from '../../../src/engine/estimate/estimateError'
import { liquidationPriceAt } from '../../../src/engine/estimate/liquidationPriceAt'
import { candlesThrough, openInterestAt } from './marketFixtures'

const TEN_X: EstimateAssumptions = {
  ...DEFAULT_ASSUMPTIONS,
  leverageMix: [{ leverage: 10, share: 1 }],
  sideSplit: { kind: 'fixed', longShare: 0.5 },
  entryPrice: 'close'
}

const total = (rows: { size: number }[]) => rows.reduce((sum, row) => sum + row.size, 0)

describe('estimateBook', () => {
  it("opens each bar's rise in open interest at the bar's price, split and spread over the mix", () => {
    const candles = candlesThrough([100, 101, 102])
    const { rows, summary } = estimateBook(candles, openInterestAt([1000, 1010, 1030, 1030]), {
      ...TEN_X,
      leverageMix: LEVERAGE_MIXES.low
    })
    expect(summary).toMatchObject({
      bars: 3,
      measuredBars: 3,
      opened: 30,
      closed: 0,
      liquidated: 0,
      unplaced: 1000
    })
    expect(total(rows)).toBeCloseTo(30, 9)
    const barOne = rows.filter((row) => row.id.startsWith('est-BTCUSDT-1-'))
    expect(barOne).toHaveLength(8)
    expect(barOne.every((row) => row.entryPrice === 101)).toBe(true)
    expect(total(barOne.filter((row) => row.side === 1))).toBeCloseTo(10, 9)
    const fiveX = barOne.find((row) => row.leverage === 5 && row.side === -1)
    expect(fiveX?.size).toBeCloseTo(20 * 0.5 * 0.3, 12)
    expect(rows[0]).toMatchObject({
      contract: 'linear',
      marginMode: 'isolated',
      mmr: 0.005,
      markPrice: 102
    })
  })

  it('splits new open interest by the taker buy share of volume when asked', () => {
    const candles = candlesThrough([100, 100], { takerBuyShare: 0.8 })
    const { rows, summary } = estimateBook(candles, openInterestAt([0, 10, 10]), {
      ...TEN_X,
      sideSplit: { kind: 'taker-flow', fallbackLongShare: 0.5 }
    })
    expect(total(rows.filter((row) => row.side === 1))).toBeCloseTo(8, 12)
    expect(summary.longShare).toBeCloseTo(0.8, 12)
  })

  it('closes open positions in proportion when open interest falls', () => {
    const { rows, summary } = estimateBook(
      candlesThrough([100, 100, 100]),
      openInterestAt([0, 100, 100, 75]),
      TEN_X
    )
    expect(summary.closed).toBeCloseTo(25, 9)
    expect(total(rows)).toBeCloseTo(75, 9)
    expect(rows.every((row) => Math.abs(row.size - 37.5) < 1e-9)).toBe(true)
  })

  it('drops positions once a later bar crosses their liquidation price, and counts that fall in open interest as liquidations', () => {
    const liquidation = liquidationPriceAt(100, 10, 1, 0.005)
    const { rows, summary } = estimateBook(
      candlesThrough([100, 100, liquidation * 0.99], { spread: 0 }),
      openInterestAt([0, 10, 10, 5]),
      TEN_X
    )
    expect(rows.map((row) => row.side)).toEqual([-1])
    expect(summary.liquidated).toBeCloseTo(5, 12)
    expect(summary.closed).toBe(0)
    const kept = estimateBook(
      candlesThrough([100, 100, liquidation * 0.99], { spread: 0 }),
      openInterestAt([0, 10, 10, 5]),
      { ...TEN_X, dropLiquidated: false }
    )
    expect(kept.rows).toHaveLength(2)
  })

  it('converts open interest given as quote value at the price of the moment', () => {
    const candles = candlesThrough([100, 200, 200])
    // The value doubles when the price does (the third bar opens at 200): nothing new opens.
    const { summary } = estimateBook(
      candles,
      openInterestAt([1000, 1000, 2000, 2000], 'quote'),
      TEN_X
    )
    expect(summary.opened).toBe(0)
  })

  it('gives the same book for the same inputs', () => {
    const candles = candlesThrough([100, 97, 103, 99, 104], { takerBuyShare: 0.6 })
    const oi = openInterestAt([50, 60, 58, 70, 65, 80])
    expect(estimateBook(candles, oi, DEFAULT_ASSUMPTIONS)).toEqual(
      estimateBook(candles, oi, DEFAULT_ASSUMPTIONS)
    )
  })

  it('refuses assumptions that cannot hold and series that do not meet', () => {
    const candles = candlesThrough([100, 101])
    const oi = openInterestAt([1, 2, 3])
    const mix = (leverageMix: EstimateAssumptions['leverageMix']) => ({ ...TEN_X, leverageMix })
    expect(() => estimateBook(candles, oi, mix([{ leverage: 10, share: 0.5 }]))).toThrow(
      /sum to 0.5, not 1/
    )
    expect(() => estimateBook(candles, oi, mix([{ leverage: 0.5, share: 1 }]))).toThrow(
      EstimateError
    )
    expect(() => estimateBook(candles, oi, { ...TEN_X, maintenanceRate: 0.2 })).toThrow(
      /liquidates 10x positions at entry/
    )
    const later = { ...openInterestAt([1, 2, 3]), times: Float64Array.of(1e12, 1e12 + 1, 1e12 + 2) }
    expect(() => estimateBook(candles, later, TEN_X)).toThrow(/does not cover the candles/)
  })
})
