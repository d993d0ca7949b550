import { describe, expect, it } from 'vitest'
import { buildDepthLadder } from '../../../src/engine/impact/depthLadder'
import { fitDepthProfile } from '../../../src/engine/impact/depthProfileFit'
import type { DepthSnapshot } from '../../../src/engine/impact/depthSnapshot'
import { ImpactModelError } from '../../../src/engine/impact/impactModelError'
import { createOrderBookImpact } from '../../../src/engine/impact/orderBookImpact'
import { loadDepthSnapshotFile } from '../../../src/main/marketData/depthFile'
import { ONE_LEVEL_SNAPSHOT, REAL_DEPTH_FILE, SQUARE_LAW_SNAPSHOT } from './snapshots'

const base = (quantity: number) => ({ notional: 0, quantity })

describe('order-book impact on a hand-made book', () => {
  // bids 99, 98, 96 holding 1, 3, 12 (cumulative 1, 4, 16); asks mirrored at 101, 102, 104
  const model = createOrderBookImpact({ snapshot: SQUARE_LAW_SNAPSHOT })

  it('stops at the first level whose cumulative size covers Q', () => {
    expect(model.priceAfter(100, -1, base(0.5))).toBeCloseTo(99, 12)
    expect(model.priceAfter(100, -1, base(1))).toBeCloseTo(99, 12)
    expect(model.priceAfter(100, -1, base(1.001))).toBeCloseTo(98, 12)
    expect(model.priceAfter(100, -1, base(4))).toBeCloseTo(98, 12)
    expect(model.priceAfter(100, -1, base(4.5))).toBeCloseTo(96, 12)
    expect(model.priceAfter(100, -1, base(16))).toBeCloseTo(96, 12)
  })

  it('walks the asks for buys', () => {
    expect(model.priceAfter(100, 1, base(0.5))).toBeCloseTo(101, 12)
    expect(model.priceAfter(100, 1, base(2))).toBeCloseTo(102, 12)
    expect(model.priceAfter(100, 1, base(16))).toBeCloseTo(104, 12)
  })

  it('scales the levels with the shock, keeping their distance from the mid', () => {
    // price * ps / mid: 98 * 80 / 100 and 104 * 80 / 100
    expect(model.priceAfter(80, -1, base(2))).toBeCloseTo(78.4, 12)
    expect(model.priceAfter(80, 1, base(10))).toBeCloseTo(83.2, 12)
  })

  it('reads the base quantity only', () => {
    expect(model.priceAfter(100, -1, { notional: 1e12, quantity: 2 })).toBe(
      model.priceAfter(100, -1, base(2))
    )
    expect(model.priceAfter(100, -1, { notional: 1e12, quantity: 0 })).toBe(100)
  })

  it('fits the exact square law of the book', () => {
    for (const fit of [model.fits.bids, model.fits.asks]) {
      expect(fit.exponent).toBeCloseTo(2, 12)
      expect(fit.r2).toBeCloseTo(1, 12)
      expect(fit.anchorDistance).toBeCloseTo(0.04, 15)
      expect(fit.anchorDepth).toBe(16)
      expect(fit.fallback).toBe(false)
    }
  })

  it('extends the book past the last level along the fitted profile', () => {
    // cum(d) = 16 * (d / 0.04)^2, so Q = 64 sits at d = 0.08 and Q = 144 at d = 0.12
    expect(model.priceAfter(100, -1, base(64))).toBeCloseTo(92, 12)
    expect(model.priceAfter(100, -1, base(144))).toBeCloseTo(88, 12)
    expect(model.priceAfter(100, 1, base(64))).toBeCloseTo(108, 12)
    expect(model.priceAfter(50, -1, base(64))).toBeCloseTo(46, 12)
    // the whole price is gone at d = 1, i.e. Q = 16 * 25^2
    expect(model.priceAfter(100, -1, base(10_000))).toBeCloseTo(0, 9)
    expect(model.priceAfter(100, -1, base(20_000))).toBe(0)
    expect(model.priceAfter(100, 1, base(10_000))).toBeCloseTo(200, 9)
  })

  it('is continuous at the last level and keeps falling beyond it', () => {
    const atLastLevel = model.priceAfter(100, -1, base(16))
    const justBeyond = model.priceAfter(100, -1, base(16 * (1 + 1e-9)))
    expect(justBeyond).toBeLessThan(atLastLevel)
    expect(atLastLevel - justBeyond).toBeLessThan(1e-6)
    const further = [20, 40, 80, 160, 320].map((q) => model.priceAfter(100, -1, base(q)))
    for (let i = 1; i < further.length; i++) expect(further[i]).toBeLessThan(further[i - 1])
    expect(further[0]).toBeLessThan(atLastLevel)
  })

  it('shows the fit in its description', () => {
    expect(model.describe()).toMatchObject({
      kind: 'book',
      mid: 100,
      bidLevels: 3,
      askLevels: 3,
      bidDepthExponent: model.fits.bids.exponent,
      bidDepthAnchorDistance: model.fits.bids.anchorDistance,
      bidDepthAnchorQuantity: 16,
      bidDepthR2: model.fits.bids.r2,
      bidDepthFit: 'power law fitted in log-log',
      askDepthExponent: model.fits.asks.exponent
    })
  })
})

describe('order-book impact on a one-level book', () => {
  const model = createOrderBookImpact({ snapshot: ONE_LEVEL_SNAPSHOT })

  it('falls back to a linear profile and says so', () => {
    expect(model.fits.bids).toEqual({
      exponent: 1,
      anchorDistance: 0.01,
      anchorDepth: 5,
      r2: 0,
      fallback: true
    })
    expect(model.describe().bidDepthFit).toBe('linear fallback (power-law fit degenerate)')
  })

  it('extends linearly: twice the depth, twice the distance', () => {
    expect(model.priceAfter(100, -1, base(5))).toBeCloseTo(99, 12)
    expect(model.priceAfter(100, -1, base(10))).toBeCloseTo(98, 12)
    expect(model.priceAfter(100, 1, base(15))).toBeCloseTo(103, 12)
  })
})

describe('order-book impact on the real Binance BTCUSDT snapshot', () => {
  const snapshot = loadDepthSnapshotFile(REAL_DEPTH_FILE)
  const model = createOrderBookImpact({ snapshot })
  const lastBid = snapshot.bids.prices[snapshot.bids.prices.length - 1]

  it('fits a finite, positive exponent on both sides', () => {
    for (const fit of [model.fits.bids, model.fits.asks]) {
      expect(fit.fallback).toBe(false)
      expect(Number.isFinite(fit.exponent)).toBe(true)
      expect(fit.exponent).toBeGreaterThan(0)
      expect(fit.r2).toBeGreaterThan(0.5)
      expect(fit.r2).toBeLessThanOrEqual(1)
    }
    expect(model.fits.bids.anchorDistance).toBeCloseTo((61_800.25 - 61_653.4) / 61_800.25, 12)
    expect(model.fits.bids.anchorDepth).toBeCloseTo(396.998, 6)
  })

  it('sells 1,000 BTC well below the last bid level, not stuck at it', () => {
    const price = model.priceAfter(snapshot.mid, -1, base(1000))
    expect(lastBid).toBe(61_653.4)
    expect(price).toBeLessThan(lastBid * (1 - 0.002))
    expect(price).toBeGreaterThan(0)
  })

  it('keeps falling as the flow grows past the snapshot', () => {
    const prices = [397, 500, 1000, 2000, 4000].map((q) =>
      model.priceAfter(snapshot.mid, -1, base(q))
    )
    expect(prices[0]).toBeLessThan(lastBid)
    for (let i = 1; i < prices.length; i++) expect(prices[i]).toBeLessThan(prices[i - 1])
  })

  it('lands on the snapshot levels inside it', () => {
    // cumulative bid size reaches 20 BTC at 61,800.0, the third level (2.909 + 0.696 + 20.004)
    expect(model.priceAfter(snapshot.mid, -1, base(20))).toBeCloseTo(61_800, 8)
    expect(model.priceAfter(snapshot.mid, -1, base(0.001))).toBeCloseTo(61_800.2, 8)
    expect(model.priceAfter(snapshot.mid, 1, base(0.001))).toBeCloseTo(61_800.3, 8)
  })
})

describe('fitDepthProfile', () => {
  it('skips levels at the mid, where log distance is undefined', () => {
    const ladder = {
      distances: Float64Array.from([0, 0.01, 0.02, 0.04]),
      cumulative: Float64Array.from([3, 4, 8, 16])
    }
    const fit = fitDepthProfile(ladder)
    // (0.01, 4), (0.02, 8), (0.04, 16): cum = 400 * d exactly
    expect(fit.exponent).toBeCloseTo(1, 12)
    expect(fit.fallback).toBe(false)
  })

  it('works on the ladder of a snapshot side', () => {
    const ladder = buildDepthLadder(SQUARE_LAW_SNAPSHOT.asks, SQUARE_LAW_SNAPSHOT.mid)
    expect(Array.from(ladder.cumulative)).toEqual([1, 4, 16])
    expect(fitDepthProfile(ladder).exponent).toBeCloseTo(2, 12)
  })
})

describe('order-book impact rejects unusable snapshots', () => {
  const levels = (prices: number[], sizes: number[]) => ({
    prices: Float64Array.from(prices),
    sizes: Float64Array.from(sizes)
  })
  const withSide = (change: Partial<DepthSnapshot>): DepthSnapshot => ({
    ...SQUARE_LAW_SNAPSHOT,
    ...change
  })

  it.each([
    ['no asks', withSide({ asks: levels([], []) }), 'snapshot asks need at least one level'],
    ['bids out of order', withSide({ bids: levels([98, 99], [1, 1]) }), 'level 1 at 99'],
    ['a bid above the mid', withSide({ bids: levels([101], [1]) }), 'level 0 at 101'],
    ['a zero size', withSide({ asks: levels([101], [0]) }), 'asks size at level 0'],
    ['a bad mid', withSide({ mid: Number.NaN }), 'snapshot mid must be a positive finite number']
  ])('%s', (_name, snapshot, message) => {
    expect(() => createOrderBookImpact({ snapshot })).toThrow(ImpactModelError)
    expect(() => createOrderBookImpact({ snapshot })).toThrow(message)
  })
})
