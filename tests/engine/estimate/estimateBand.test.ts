import { describe, expect, it } from 'vitest'
import {
  DEFAULT_ASSUMPTIONS,
  LEVERAGE_MIXES
} from '../../../src/engine/estimate/estimateAssumptions'
import { estimateBand } from '../../../src/engine/estimate/estimateBand'
import { candlesThrough, openInterestAt } from './marketFixtures'

describe('estimateBand', () => {
  const candles = candlesThrough([100, 99, 101, 100, 102], { takerBuyShare: 0.55 })
  const oi = openInterestAt([10, 20, 25, 35, 30, 40])
  const band = estimateBand(candles, oi, DEFAULT_ASSUMPTIONS, LEVERAGE_MIXES, {
    low: 40,
    high: 160,
    count: 60
  })

  it('profiles each mix and bounds them per bin', () => {
    expect(band.mixes.map((mix) => mix.name)).toEqual(['low', 'mid', 'high'])
    for (let j = 0; j < 60; j++) {
      const longs = band.mixes.map((mix) => mix.long[j])
      expect(band.low.long[j]).toBe(Math.min(...longs))
      expect(band.high.long[j]).toBe(Math.max(...longs))
    }
  })

  it('puts higher leverage mixes closer to the price', () => {
    const weightedDistance = (profile: Float64Array) => {
      let weight = 0
      let sum = 0
      profile.forEach((notional, j) => {
        const price = (band.edges[j] + band.edges[j + 1]) / 2
        weight += notional
        sum += notional * Math.abs(price - 102)
      })
      return sum / weight
    }
    const [low, mid, high] = band.mixes.map((mix) => weightedDistance(mix.long))
    expect(low).toBeGreaterThan(mid)
    expect(mid).toBeGreaterThan(high)
  })
})
