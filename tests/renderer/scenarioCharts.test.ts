import { describe, expect, it } from 'vitest'
import type { ChartPalette } from '../../src/renderer/src/charts/chartPalette'
import { histogramOption, fanOption } from '../../src/renderer/src/charts/monteCarloOption'
import { heatColor, heatmapPixels, heatScale } from '../../src/renderer/src/charts/priceTimeHeatmap'
import {
  clock,
  niceTimeInterval,
  pointStep,
  stepLabel
} from '../../src/renderer/src/charts/timelineAxis'
import {
  runLabel,
  timelineCompareOption
} from '../../src/renderer/src/charts/timelineCompareOption'
import { badDebtSoFar, timelineOption } from '../../src/renderer/src/charts/timelineOption'
import type { DistributionView, MonteCarloView } from '../../src/shared/monteCarloTypes'
import { timelineCsv } from '../../src/renderer/src/components/scenario/timelineCsv'
import { sampleRun } from './scenarioSamples'

const palette = new Proxy({} as ChartPalette, { get: (_target, key) => `#${String(key)}` })

type Series = { name: string; data: number[][]; markLine?: { data: { xAxis?: number }[] } }
const seriesOf = (option: unknown): Series[] => (option as { series: Series[] }).series

describe('time axis', () => {
  it('reads steps as a clock that suits the run', () => {
    expect(clock(0)).toBe('0:00')
    expect(clock(315)).toBe('5:15')
    expect(clock(3 * 3600 + 5 * 60)).toBe('3h05')
    expect(clock(3 * 86_400 + 7200)).toBe('3d 2h00')
    expect(stepLabel(20, 15)).toBe('step 20 · 5:00')
    expect(niceTimeInterval(3600)).toBe(600)
    expect(niceTimeInterval(8 * 3600)).toBe(7200)
    expect(pointStep({ stride: 5, steps: 12 }, 2)).toBe(11)
    expect(pointStep({ stride: 5, steps: 12 }, 0)).toBe(4)
  })
})

describe('price x time heatmap', () => {
  const { profile } = sampleRun().markets[0]

  it('colours from dark violet to yellow', () => {
    expect(heatColor(0)).toEqual([68, 1, 84])
    expect(heatColor(1)).toEqual([253, 231, 37])
    expect(heatColor(2)).toEqual([253, 231, 37])
  })

  it('puts the highest price bin on top, one column per point, empty cells transparent', () => {
    const pixels = heatmapPixels(profile, 4, 'long')
    expect(pixels.width).toBe(4)
    expect(pixels.height).toBe(2)
    const alpha = (x: number, y: number) => pixels.data[(y * 4 + x) * 4 + 3]
    // Longs sit in the lower bin (row 1) at points 0 and 1 only.
    expect([alpha(0, 1), alpha(1, 1), alpha(2, 1), alpha(3, 1)].map((a) => a > 0)).toEqual([
      true,
      true,
      false,
      false
    ])
    expect([0, 1, 2, 3].every((x) => alpha(x, 0) === 0)).toBe(true)
    // The biggest cell takes the top colour, fully opaque.
    const at = (1 * 4 + 0) * 4
    expect(Array.from(pixels.data.slice(at, at + 4))).toEqual([253, 231, 37, 255])
  })

  it('scales to the 99th percentile of the cells that hold anything', () => {
    expect(heatScale(profile, 4, 'long')).toBe(6e6)
    expect(heatScale(profile, 4, 'short')).toBe(2e6)
    expect(heatScale({ ...profile, long: new Float32Array(8) }, 4, 'long')).toBe(0)
  })
})

describe('timeline chart', () => {
  const run = sampleRun()

  it('adds up bad debt: lending as a level, perp losses as they come', () => {
    expect(Array.from(badDebtSoFar(run, 0))).toEqual([0, 0, 1e4, 4e4])
  })

  it('draws the scrubbed step: a cursor on every strip and that step’s profile beside the heatmap', () => {
    const option = timelineOption({ run, market: 0, point: 1, heatmap: null }, palette)
    const series = seriesOf(option)
    const cursors = series.filter((s) => s.markLine?.data.some((d) => d.xAxis === 1))
    expect(cursors.map((s) => s.name)).toEqual([
      'Price',
      'Long liquidated',
      'Queue long',
      'Open interest',
      'Insurance funds'
    ])
    const profile = series.find((s) => s.name === 'Step profile')!
    // Point 1: longs of 5M below 100 (drawn leftwards), shorts of 2M above.
    expect(profile.data).toEqual([
      [90, 100, -5e6],
      [100, 110, 2e6]
    ])
    expect(series.find((s) => s.name === 'Price')!.data).toEqual([
      [0, 100],
      [1, 98],
      [2, 92],
      [3, 95]
    ])
    expect(series.some((s) => s.name === 'Oracle')).toBe(false)
  })
})

describe('compare chart', () => {
  it('overlays each run that moves the market, on a shared clock', () => {
    const slow = sampleRun(2, { stepSeconds: 120 })
    const other = sampleRun(3)
    other.markets = [{ ...other.markets[0], underlying: 'ETH' }]
    const series = seriesOf(timelineCompareOption([sampleRun(1), slow, other], 'BTC', palette))
    expect(series).toHaveLength(8)
    const moves = series.filter((_, k) => k % 4 === 0)
    expect(moves.map((s) => s.name)).toEqual(['#1 Sample drop (seed 1)', runLabel(slow)])
    expect(moves[1].data[2][0]).toBe(240)
    expect(moves[0].data[2][1]).toBeCloseTo(-0.08)
    expect(series[1].data.map(([, total]) => total)).toEqual([0, 1e6, 6e6, 8.1e6])
  })
})

describe('Monte Carlo charts', () => {
  const distribution: DistributionView = {
    count: 10,
    mean: 5,
    min: 0,
    max: 10,
    percentiles: [{ p: 0.5, value: 5 }],
    tail: [
      { level: 0.95, valueAtRisk: 9, expectedShortfall: 9.5 },
      { level: 0.99, valueAtRisk: 10, expectedShortfall: 10 }
    ],
    histogram: { edges: [0, 5, 10], counts: [6, 4] }
  }

  it('marks each level’s VaR and ES on the histogram', () => {
    const [bars] = seriesOf(histogramOption(distribution, 'money', palette))
    expect(bars.data).toEqual([
      [2.5, 6, 0, 5],
      [7.5, 4, 5, 10]
    ])
    expect(bars.markLine!.data.map((d) => d.xAxis)).toEqual([9, 9.5, 10, 10])
  })

  it('stacks each percentile pair as a band around the median', () => {
    const view = {
      steps: 3,
      stepSeconds: 60,
      stride: 1,
      markets: [
        {
          underlying: 'BTC',
          startPrice: 100,
          metrics: {},
          zones: [],
          fan: {
            percentiles: [0.05, 0.5, 0.95],
            values: [
              [100, 90, 85],
              [100, 95, 92],
              [100, 99, 98]
            ]
          }
        }
      ]
    } as unknown as MonteCarloView
    const series = seriesOf(fanOption(view, view.markets[0], palette))
    expect(series.map((s) => s.name)).toEqual(['p5–p95', 'p5–p95', 'Median'])
    // The band is drawn as its lower edge plus its width.
    expect(series[1].data).toEqual([
      [0, 0],
      [60, 9],
      [120, 13]
    ])
    expect(series[2].data[2]).toEqual([120, 92])
  })
})

describe('timeline CSV', () => {
  it('writes a row per point with every series, a market name that cannot run as a formula', () => {
    const run = sampleRun()
    run.markets[0] = { ...run.markets[0], underlying: '=BTC' }
    const [header, first, , third] = timelineCsv(run, 0).trimEnd().split('\n')
    const columns = header.split(',')
    expect(columns.slice(0, 4)).toEqual(['market', 'step', 'seconds', 'price'])
    expect(columns).toContain('longNotional')
    expect(columns[columns.length - 1]).toBe('insuranceFund')
    const cell = (row: string, name: string) => row.split(',')[columns.indexOf(name)]
    expect(cell(first, 'market')).toBe("'=BTC")
    expect(cell(third, 'seconds')).toBe('120')
    expect(cell(third, 'price')).toBe('92')
    expect(cell(third, 'longNotional')).toBe('5000000')
    expect(cell(third, 'insuranceFund')).toBe('800000')
  })
})
