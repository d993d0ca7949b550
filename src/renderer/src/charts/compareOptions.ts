import type { HeatmapBins } from '../../../shared/heatmapTypes'
import type { SweepResult } from '../../../shared/simulationTypes'
import { money, price, signedPercent } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'
import type { ChartOption } from './echarts'

/** One side of a comparison as a chart draws it: its label, and whether it is the dashed one. */
export interface CompareSide<T> {
  label: string
  data: T | null
  dashed: boolean
}

const pct = (fraction: number): number => fraction * 100

function legend(palette: ChartPalette, names: string[]) {
  return {
    top: 0,
    right: 8,
    itemWidth: 16,
    itemHeight: 8,
    textStyle: { color: palette.muted, fontSize: 11 },
    data: names
  }
}

/**
 * Liquidation notional by price for one or two workspaces on one price axis: longs (liquidated
 * on a fall) and shorts as step lines, the second workspace dashed, so where their clusters
 * differ shows at a glance. Each side's mark is a vertical line in its own dash.
 */
export function compareHeatmapOption(
  sides: CompareSide<HeatmapBins>[],
  palette: ChartPalette
): ChartOption {
  const axis = axisStyle(palette)
  const series: object[] = []
  const names: string[] = []
  for (const side of sides) {
    const bins = side.data
    if (!bins) continue
    const centres = Array.from(
      { length: bins.long.length },
      (_, k) => (bins.edges[k] + bins.edges[k + 1]) / 2
    )
    const type = side.dashed ? 'dashed' : 'solid'
    for (const [what, values, color] of [
      ['longs', bins.long, palette.long],
      ['shorts', bins.short, palette.short]
    ] as const) {
      const name = `${side.label} ${what}`
      names.push(name)
      series.push({
        type: 'line',
        name,
        step: 'middle',
        symbol: 'none',
        data: centres.map((centre, k) => [centre, values[k]]),
        lineStyle: { color, width: side.dashed ? 1.5 : 1.2, type },
        itemStyle: { color },
        areaStyle: side.dashed ? undefined : { color, opacity: 0.16 }
      })
    }
    series.push({
      type: 'line',
      name: `${side.label} mark`,
      data: [],
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: palette.priceLine, type, width: 1 },
        label: {
          formatter: `${side.label} ${price(bins.markPrice)}`,
          color: palette.muted,
          fontSize: 10
        },
        data: [{ xAxis: bins.markPrice }]
      }
    })
  }
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 56, right: 16, top: 30, bottom: 30 },
    legend: legend(palette, names),
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      valueFormatter: (value: number) => money(value)
    },
    xAxis: {
      type: 'value',
      scale: true,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => price(value) }
    },
    yAxis: {
      type: 'value',
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => money(value) }
    },
    series
  }
}

/** Amplification curves (total move against the shock) of one or two workspaces, critical shocks marked. */
export function compareAmplificationOption(
  sides: CompareSide<SweepResult>[],
  palette: ChartPalette
): ChartOption {
  const axis = axisStyle(palette)
  const drawn = sides.filter(
    (side): side is CompareSide<SweepResult> & { data: SweepResult } => side.data !== null
  )
  const fall = drawn.every((side) => side.data.direction === 'fall')
  const reach = Math.max(
    0,
    ...drawn.map((side) => Math.abs(pct(side.data.points.at(-1)?.shock ?? 0)))
  )
  const colors = [palette.danger, palette.accent]
  const series: object[] = [
    {
      type: 'line',
      name: 'No feedback',
      data: [
        [0, 0],
        [fall ? -reach : reach, fall ? -reach : reach]
      ],
      symbol: 'none',
      lineStyle: { color: palette.muted, type: 'dotted', width: 1 },
      itemStyle: { color: palette.muted },
      silent: true
    }
  ]
  drawn.forEach((side, k) => {
    const color = colors[k % colors.length]
    const critical = side.data.critical
    series.push({
      type: 'line',
      name: side.label,
      data: side.data.points.map((point) => [pct(point.shock), pct(point.totalMove)]),
      symbol: 'none',
      lineStyle: { color, width: 2, type: side.dashed ? 'dashed' : 'solid' },
      itemStyle: { color },
      markLine: critical
        ? {
            silent: true,
            symbol: 'none',
            lineStyle: { color, type: 'dashed', width: 1 },
            label: {
              formatter: `${side.label} critical ${signedPercent(critical.shock, 1)}`,
              color,
              fontSize: 10,
              // At the top, stacked, so two critical shocks close together stay readable.
              position: 'insideEndTop',
              distance: [4, 6 + 14 * k]
            },
            data: [{ xAxis: pct(critical.shock) }]
          }
        : undefined
    })
  })
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 44, right: 16, top: 30, bottom: 34 },
    legend: legend(palette, ['No feedback', ...drawn.map((side) => side.label)]),
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      valueFormatter: (value: number) => `${value.toFixed(2)}%`
    },
    xAxis: {
      type: 'value',
      name: 'exogenous shock % → total move %',
      nameLocation: 'middle',
      nameGap: 22,
      inverse: fall,
      ...axis
    },
    yAxis: { type: 'value', inverse: fall, ...axis },
    series
  }
}
