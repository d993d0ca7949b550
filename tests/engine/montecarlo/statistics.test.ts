import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summarizeDistribution } from '../../../src/engine/montecarlo/distribution'
import { fanChart } from '../../../src/engine/montecarlo/fanChart'
import { quantileSorted } from '../../../src/engine/montecarlo/quantile'
import { selectQuantiles } from '../../../src/engine/montecarlo/selectQuantiles'
import { tailRisk } from '../../../src/engine/montecarlo/tailRisk'

const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1)

describe('quantileSorted', () => {
  it('interpolates between the nearest ranks (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1)
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4)
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantileSorted([10, 20], 0.25)).toBe(12.5)
    expect(quantileSorted([7], 0.9)).toBe(7)
    expect(quantileSorted([], 0.5)).toBeNaN()
  })
})

describe('tailRisk', () => {
  it('takes the worst (1 - level) share of outcomes: VaR is its least, ES its mean', () => {
    expect(tailRisk(oneToHundred, 0.95)).toEqual({
      level: 0.95,
      valueAtRisk: 96,
      expectedShortfall: 98
    })
    expect(tailRisk(oneToHundred, 0.99)).toEqual({
      level: 0.99,
      valueAtRisk: 100,
      expectedShortfall: 100
    })
    expect(tailRisk([5], 0.95)).toEqual({ level: 0.95, valueAtRisk: 5, expectedShortfall: 5 })
  })

  it('never has ES below VaR, nor VaR above the worst outcome', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (values, level) => {
          const sorted = Float64Array.from(values).sort()
          const risk = tailRisk(sorted, level)
          expect(risk.expectedShortfall).toBeGreaterThanOrEqual(
            risk.valueAtRisk - 1e-6 * Math.abs(risk.valueAtRisk)
          )
          expect(risk.valueAtRisk).toBeLessThanOrEqual(sorted[sorted.length - 1])
        }
      )
    )
  })
})

describe('summarizeDistribution', () => {
  it('gives mean, range, percentiles, VaR/ES and a histogram that counts every path', () => {
    const values = Float64Array.from(oneToHundred).reverse()
    const d = summarizeDistribution(values, { percentiles: [0.5], levels: [0.95], bins: 10 })
    expect(d).toMatchObject({ count: 100, mean: 50.5, min: 1, max: 100 })
    expect(d.percentiles).toEqual([{ p: 0.5, value: 50.5 }])
    expect(d.tail).toEqual([{ level: 0.95, valueAtRisk: 96, expectedShortfall: 98 }])
    expect(d.histogram.counts.reduce((a, b) => a + b, 0)).toBe(100)
    expect(d.histogram.edges).toHaveLength(11)
    expect(values[0]).toBe(100)
  })

  it('has one bin for equal values, and no tail for a quantity that is not a loss', () => {
    const d = summarizeDistribution(Float64Array.of(3, 3, 3), {
      percentiles: [],
      levels: [],
      bins: 10
    })
    expect(d.histogram).toEqual({ edges: [3, 3], counts: [3] })
    expect(d.tail).toEqual([])
  })
})

describe('fanChart', () => {
  it('gives each step the percentiles of the finished paths', () => {
    // Two steps, four paths (step-major); path 3 did not finish.
    const prices = Float32Array.of(10, 30, 20, 999, 1, 3, 2, 999)
    const fan = fanChart(prices, 4, 2, Uint32Array.of(0, 1, 2), [0, 0.5, 1])
    expect(fan.values).toEqual([
      [10, 1],
      [20, 2],
      [30, 3]
    ])
  })
})

describe('selectQuantiles', () => {
  it('finds the same quantiles as a sort, in the order they were asked for', () => {
    fc.assert(
      fc.property(
        // -0 and 0 tie in a selection and a sort alike, in either order, but not to toEqual.
        fc.array(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value) => value + 0),
          { minLength: 1, maxLength: 300 }
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 7 }),
        (raw, percentiles) => {
          const values = Float32Array.from(raw)
          const sorted = values.slice().sort()
          const expected = percentiles.map((p) => quantileSorted(sorted, p))
          expect(selectQuantiles(values, percentiles)).toEqual(expected)
        }
      )
    )
  })
})
