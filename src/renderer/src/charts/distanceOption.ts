import type { DistanceHistogram } from '../../../shared/bookSummary'
import { money, percent } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'
import type { ChartOption } from './echarts'

/** Notional by distance to liquidation: the book's cushion, long and short stacked. */
export function distanceOption(
  histogram: DistanceHistogram,
  nearThreshold: number,
  palette: ChartPalette
): ChartOption {
  const { edges } = histogram
  const labels = edges.map((edge, k) =>
    k < edges.length - 1 ? percent(edge, 1) : `≥${percent(edge, 0)}`
  )
  const nearBuckets = edges.filter((edge) => edge < nearThreshold).length
  const axis = axisStyle(palette)
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 48, right: 8, top: 22, bottom: 22 },
    legend: {
      top: 0,
      right: 4,
      itemWidth: 10,
      itemHeight: 8,
      textStyle: { color: palette.muted, fontSize: 11 }
    },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => money(value)
    },
    xAxis: {
      type: 'category',
      data: labels,
      ...axis,
      axisLabel: { ...axis.axisLabel, interval: 3 },
      splitLine: { show: false }
    },
    yAxis: {
      type: 'value',
      ...axis,
      splitNumber: 3,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => money(value) }
    },
    series: [
      {
        type: 'bar',
        name: 'Long',
        stack: 'side',
        data: histogram.long,
        itemStyle: { color: palette.long },
        markArea: {
          silent: true,
          itemStyle: { color: palette.runaway },
          label: { color: palette.danger, fontSize: 10, position: 'insideTop' },
          data: [
            [{ xAxis: 0, name: `within ${percent(nearThreshold, 0)}` }, { xAxis: nearBuckets - 1 }]
          ]
        }
      },
      {
        type: 'bar',
        name: 'Short',
        stack: 'side',
        data: histogram.short,
        itemStyle: { color: palette.short }
      }
    ]
  }
}
