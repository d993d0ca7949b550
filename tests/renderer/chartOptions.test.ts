import { describe, expect, it } from 'vitest'
import { amplificationOption } from '../../src/renderer/src/charts/amplificationOption'
import { distanceOption } from '../../src/renderer/src/charts/distanceOption'
import { BAND_NAME, heatmapOption } from '../../src/renderer/src/charts/heatmapOption'
import { waterfallOption } from '../../src/renderer/src/charts/waterfallOption'
import { PALETTE, sampleBins, sampleResult, sampleSweep } from './samples'

type Series = {
  name: string
  data: unknown[]
  markLine?: { data: { yAxis?: number; xAxis?: number }[] }
  markArea?: { data: unknown[] }
  markPoint?: { data: { coord: number[] }[] }
}
const seriesOf = (option: object): Series[] => (option as { series: Series[] }).series
const named = (option: object, name: string): Series =>
  seriesOf(option).find((series) => series.name === name)!

describe('heatmap option', () => {
  it('puts longs left of zero and shorts right, skipping empty bins', () => {
    const option = heatmapOption(sampleBins(), { finalPrice: null, runawayZones: [] }, PALETTE)
    expect(named(option, 'Long liquidations').data).toEqual([
      [80, 90, 0, -5e6, 50],
      [90, 100, 0, -2e6, 20]
    ])
    expect(named(option, 'Short liquidations').data).toEqual([[100, 110, 0, 1e6, 7]])
  })

  it('stacks venues (or leverage bands) per bin, each starting where the one before ended', () => {
    const bins = {
      ...sampleBins(),
      breakdown: 'venue' as const,
      groups: [
        {
          key: 'binance',
          long: Float64Array.from([3e6, 2e6, 0, 0]),
          short: Float64Array.from([0, 0, 1e6, 0]),
          longCount: Uint32Array.from([30, 20, 0, 0]),
          shortCount: Uint32Array.from([0, 0, 7, 0])
        },
        {
          key: 'okx',
          long: Float64Array.from([2e6, 0, 0, 0]),
          short: new Float64Array(4),
          longCount: Uint32Array.from([20, 0, 0, 0]),
          shortCount: new Uint32Array(4)
        }
      ]
    }
    const option = heatmapOption(bins, { finalPrice: null, runawayZones: [] }, PALETTE)
    expect(seriesOf(option).map((series) => series.name)).toEqual(['overlays', 'binance', 'okx'])
    expect(named(option, 'binance').data).toEqual([
      [80, 90, 0, -3e6, 30],
      [90, 100, 0, -2e6, 20],
      [100, 110, 0, 1e6, 7]
    ])
    expect(named(option, 'okx').data).toEqual([[80, 90, -3e6, -5e6, 20]])
  })

  it('draws the mark, the cascade final price in range, and runaway zones clipped to the bins', () => {
    const option = heatmapOption(
      sampleBins(),
      { finalPrice: 85, runawayZones: [{ from: 95, to: 70, peakGain: 1.4 }] },
      PALETTE
    )
    const overlays = named(option, 'overlays')
    expect(overlays.markLine!.data.map((line) => line.yAxis)).toEqual([100, 85])
    expect(overlays.markArea!.data).toEqual([
      [{ yAxis: 80, name: 'runaway · gain 1.4' }, { yAxis: 95 }]
    ])
    const outOfRange = heatmapOption(sampleBins(), { finalPrice: 50, runawayZones: [] }, PALETTE)
    expect(named(outOfRange, 'overlays').markLine!.data).toHaveLength(1)
  })

  it('overlays the band across leverage mixes per bin, in the legend, widening the axis', () => {
    const mix = (long: number[], short: number[]) => ({
      long: Float64Array.from(long),
      short: Float64Array.from(short)
    })
    const bins = {
      ...sampleBins(),
      estimate: { mixes: ['low', 'high'] },
      band: {
        mixes: [
          {
            name: 'low',
            leverageMix: [{ leverage: 3, share: 1 }],
            ...mix([1e6, 0, 0, 0], [0, 0, 0, 0])
          },
          {
            name: 'high',
            leverageMix: [{ leverage: 50, share: 1 }],
            ...mix([8e6, 3e6, 0, 0], [0, 0, 2e6, 0])
          }
        ],
        low: mix([1e6, 0, 0, 0], [0, 0, 0, 0]),
        high: mix([8e6, 3e6, 0, 0], [0, 0, 2e6, 0])
      }
    }
    const option = heatmapOption(bins, { finalPrice: null, runawayZones: [] }, PALETTE) as {
      legend: { data: string[] }
      xAxis: { max: number }
      tooltip: { formatter: (item: object) => string }
    }
    const band = named(option, BAND_NAME)
    expect(band.data).toEqual([
      [80, 90, -1e6, -8e6, 0, -1],
      [90, 100, -0, -3e6, 1, -1],
      [100, 110, 0, 2e6, 2, 1]
    ])
    expect(option.legend.data).toEqual(['Long liquidations', 'Short liquidations', BAND_NAME])
    expect(option.xAxis.max).toBeCloseTo(8e6 * 1.08)
    const tip = option.tooltip.formatter({
      seriesName: BAND_NAME,
      value: band.data[0],
      color: '#fa0'
    })
    expect(tip).toContain('$1.00M – $8.00M</b> liquidation notional')
    expect(tip).toContain('low (3x): $1.00M')
    expect(tip).toContain('high (50x): $8.00M')
  })

  it('draws no band for a book that is not an estimate', () => {
    const option = heatmapOption(sampleBins(), { finalPrice: null, runawayZones: [] }, PALETTE)
    expect(seriesOf(option).map((series) => series.name)).toEqual([
      'overlays',
      'Long liquidations',
      'Short liquidations'
    ])
  })
})

describe('waterfall option', () => {
  it('steps from the start price through the shock and every round', () => {
    const option = waterfallOption(sampleResult(), PALETTE) as {
      xAxis: { data: string[] }[]
    }
    expect(option.xAxis[0].data).toEqual(['Shock', 'R1', 'R2'])
    const [steps, , liquidated] = seriesOf(option)
    expect((steps.data as { value: number[] }[]).map((d) => d.value)).toEqual([
      [0, 100, 90],
      [1, 90, 84],
      [2, 84, 80]
    ])
    expect(liquidated.data).toEqual([0, 5e6, 2e6])
  })
})

describe('amplification option', () => {
  it('marks the critical shock and the last run, in percent', () => {
    const option = amplificationOption(sampleSweep(), { shock: -0.08, totalMove: -0.15 }, PALETTE)
    const curve = seriesOf(option).find((series) => series.name === 'Total move')!
    const points = curve.data as number[][]
    expect(points.map(([x]) => x)).toEqual([0, -5, -10])
    expect(points[2][1]).toBeCloseTo(-30)
    expect(curve.markLine!.data[0].xAxis).toBe(-4)
    expect(curve.markPoint!.data[0].coord).toEqual([-8, -15])
  })
})

describe('distance option', () => {
  it('shades the buckets within the near threshold', () => {
    const option = distanceOption(
      { edges: [0, 0.025, 0.05, 0.075], long: [1, 2, 3, 4], short: [0, 0, 1, 0] },
      0.05,
      PALETTE
    )
    const [long] = seriesOf(option)
    expect(long.markArea!.data).toEqual([[{ xAxis: 0, name: 'within 5%' }, { xAxis: 1 }]])
  })
})
