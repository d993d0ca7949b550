import type {
  DistributionView,
  MonteCarloMarketView,
  MonteCarloView
} from '../../../shared/monteCarloTypes'
import { money, percent, price } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'
import type { ChartOption } from './echarts'
import { clock, niceTimeInterval } from './timelineAxis'

/** How a metric's values read: money, or a fraction of the price. */
export type MetricUnit = 'money' | 'fraction'

export const formatMetric = (value: number, unit: MetricUnit): string =>
  unit === 'money' ? money(value) : percent(value, 2)

/**
 * The fan chart: price percentiles over time across the paths, the outer pair as the lightest
 * band and each inner pair darker, the median as a line; the start price and the runaway zones
 * (with the share of paths that reached each) drawn across it.
 */
export function fanOption(
  run: MonteCarloView,
  market: MonteCarloMarketView,
  palette: ChartPalette
): ChartOption {
  const axis = axisStyle(palette)
  const { percentiles, values } = market.fan
  const n = percentiles.length
  const time = (p: number): number =>
    Math.min(run.steps - 1, (p + 1) * run.stride - 1) * run.stepSeconds
  const bands: object[] = []
  for (let i = 0; i < Math.floor(n / 2); i++) {
    const lower = values[i]
    const upper = values[n - 1 - i]
    const stack = `band${i}`
    const name = `p${Math.round(percentiles[i] * 100)}–p${Math.round(percentiles[n - 1 - i] * 100)}`
    bands.push(
      {
        type: 'line',
        name,
        stack,
        data: lower.map((value, p) => [time(p), value]),
        showSymbol: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: palette.accent },
        tooltip: { show: false },
        silent: true
      },
      {
        type: 'line',
        name,
        stack,
        data: upper.map((value, p) => [time(p), value - lower[p]]),
        showSymbol: false,
        lineStyle: { opacity: 0 },
        itemStyle: { color: palette.accent },
        areaStyle: { color: palette.accent, opacity: 0.14 + 0.14 * i },
        silent: true
      }
    )
  }
  const median = n % 2 === 1 ? values[(n - 1) / 2] : null
  // Shaded only: zones come many and narrow; the zone table gives each one's odds.
  const zones = market.zones.map((zone) => [
    { yAxis: Math.min(zone.from, zone.to) },
    { yAxis: Math.max(zone.from, zone.to) }
  ])
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 70, right: 24, top: 30, bottom: 44 },
    legend: {
      top: 0,
      right: 20,
      itemWidth: 12,
      itemHeight: 8,
      textStyle: { color: palette.muted, fontSize: 11 }
    },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const p = items[0]?.dataIndex ?? 0
        return [
          `<b>${clock(time(p))}</b>`,
          ...percentiles.map((q, i) => `p${Math.round(q * 100)} ${price(values[i][p])}`)
        ].join('<br/>')
      }
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: time(values[0]?.length - 1 || 0),
      interval: niceTimeInterval(run.steps * run.stepSeconds),
      ...axis,
      splitLine: { show: false },
      axisLabel: { ...axis.axisLabel, formatter: clock }
    },
    yAxis: {
      type: 'value',
      scale: true,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => price(value) }
    },
    dataZoom: [{ type: 'inside', filterMode: 'none' }],
    series: [
      ...bands,
      ...(median
        ? [
            {
              type: 'line',
              name: 'Median',
              data: median.map((value, p) => [time(p), value]),
              showSymbol: false,
              lineStyle: { color: palette.priceLine, width: 1.6 },
              itemStyle: { color: palette.priceLine },
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: palette.muted, type: 'dashed' },
                label: {
                  formatter: `start ${price(market.startPrice)}`,
                  color: palette.muted,
                  position: 'insideStartTop'
                },
                data: [{ yAxis: market.startPrice }]
              },
              markArea: {
                silent: true,
                itemStyle: { color: palette.runaway },
                label: { show: false },
                data: zones
              }
            }
          ]
        : [])
    ]
  }
}

/** A distribution's histogram, with each VaR and expected shortfall marked. */
export function histogramOption(
  distribution: DistributionView,
  unit: MetricUnit,
  palette: ChartPalette
): ChartOption {
  const axis = axisStyle(palette)
  const { edges, counts } = distribution.histogram
  const bars = counts.map((count, j) => [
    (edges[j] + edges[j + 1]) / 2,
    count,
    edges[j],
    edges[j + 1]
  ])
  const width = edges.length > 1 ? edges[1] - edges[0] : 1
  // Unlabelled: the levels' VaR and ES often sit a pixel apart; the caption and table name them.
  const marks = distribution.tail.flatMap((tail) => [
    { xAxis: tail.valueAtRisk, lineStyle: { color: palette.finalLine, type: 'dashed' } },
    { xAxis: tail.expectedShortfall, lineStyle: { color: palette.danger, type: 'dotted' } }
  ])
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 40, right: 16, top: 22, bottom: 24 },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'item',
      formatter: (item: { value: number[] }) =>
        `${formatMetric(item.value[2], unit)} – ${formatMetric(item.value[3], unit)}<br/><b>${item.value[1]}</b> paths`
    },
    xAxis: {
      type: 'value',
      min: edges[0] - width / 2,
      max: edges[edges.length - 1] + width / 2,
      ...axis,
      splitLine: { show: false },
      splitNumber: 3,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => formatMetric(value, unit) }
    },
    yAxis: { type: 'value', minInterval: 1, splitNumber: 2, ...axis },
    series: [
      {
        type: 'bar',
        data: bars,
        barWidth: '92%',
        barCategoryGap: 0,
        itemStyle: { color: palette.accent, opacity: 0.8 },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          data: marks
        }
      }
    ]
  }
}
