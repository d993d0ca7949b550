import type { ScenarioRun } from '../../../shared/scenarioRunTypes'
import { money, signedPercent } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'
import type { ChartOption } from './echarts'
import { clock, niceTimeInterval, pointStep } from './timelineAxis'
import { badDebtSoFar } from './timelineOption'

/** One colour per compared run, in pin order; distinct from the long/short red and green. */
export const compareColors = (palette: ChartPalette): string[] => [
  palette.accent,
  palette.finalLine,
  '#b37feb',
  palette.text
]

/** A compared run as its legend names it: `#3 Flash crash (seed 1)`. */
export const runLabel = (run: ScenarioRun): string =>
  `#${run.runId} ${run.scenario.name} (seed ${run.scenario.seed})`

const PANELS = [
  { name: 'Price move from start', top: 6 },
  { name: 'Liquidated so far', top: 30 },
  { name: 'Open interest', top: 54 },
  { name: 'Bad debt so far', top: 78 }
] as const
const PANEL_HEIGHT = 17

/**
 * Up to four runs on one market, on one set of charts with one time axis (seconds since the
 * start, so scenarios with different step lengths line up): the price as a move from its start,
 * liquidations added up, open interest, and bad debt so far. A run without the market is left out.
 */
export function timelineCompareOption(
  runs: readonly ScenarioRun[],
  underlying: string,
  palette: ChartPalette
): ChartOption {
  const axis = axisStyle(palette)
  const colors = compareColors(palette)
  const panelAxes = PANELS.map((_, k) => k)
  const longest = Math.max(1, ...runs.map((run) => run.steps * run.stepSeconds))
  const series = runs.flatMap((run, r) => {
    const m = run.markets.findIndex((market) => market.underlying === underlying)
    if (m < 0) return []
    const { series: values, startPrice } = run.markets[m]
    const time = (p: number): number => pointStep(run, p) * run.stepSeconds
    let liquidated = 0
    const cumulative = Array.from({ length: run.points }, (_, p) => {
      liquidated += values.longNotional[p] + values.shortNotional[p]
      return [time(p), liquidated]
    })
    const badDebt = badDebtSoFar(run, m)
    const name = runLabel(run)
    const style = { color: colors[r % colors.length] }
    const lineOf = (k: number, data: number[][]) => ({
      type: 'line',
      name,
      xAxisIndex: k,
      yAxisIndex: k,
      data,
      showSymbol: false,
      lineStyle: { ...style, width: 1.5 },
      itemStyle: style
    })
    const points = Array.from({ length: run.points }, (_, p) => p)
    return [
      lineOf(
        0,
        points.map((p) => [time(p), values.price[p] / startPrice - 1])
      ),
      lineOf(1, cumulative),
      lineOf(
        2,
        points.map((p) => [time(p), values.openInterestNotional[p]])
      ),
      lineOf(
        3,
        points.map((p) => [time(p), badDebt[p]])
      )
    ]
  })
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    color: colors,
    legend: {
      top: 0,
      left: 70,
      itemWidth: 14,
      itemHeight: 8,
      textStyle: { color: palette.muted, fontSize: 11 },
      data: runs.map(runLabel)
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }], lineStyle: { color: palette.muted } },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      valueFormatter: (value: number) => (Math.abs(value) < 5 ? signedPercent(value) : money(value))
    },
    grid: PANELS.map((panel) => ({
      left: 70,
      right: 24,
      top: `${panel.top + 2}%`,
      height: `${PANEL_HEIGHT}%`
    })),
    xAxis: PANELS.map((_, k) => ({
      type: 'value',
      gridIndex: k,
      min: 0,
      max: longest,
      interval: niceTimeInterval(longest),
      ...axis,
      splitLine: { show: false },
      axisLabel: {
        ...axis.axisLabel,
        show: k === PANELS.length - 1,
        showMaxLabel: false,
        formatter: clock
      },
      axisPointer: {
        label: {
          show: k === PANELS.length - 1,
          formatter: ({ value }: { value: number }) => clock(value)
        }
      }
    })),
    yAxis: PANELS.map((panel, k) => ({
      type: 'value',
      gridIndex: k,
      name: panel.name,
      nameLocation: 'end',
      nameGap: 6,
      splitNumber: 2,
      scale: k === 0,
      minInterval: k === 0 ? 0 : 1,
      ...axis,
      nameTextStyle: { ...axis.nameTextStyle, align: 'left' },
      axisLabel: {
        ...axis.axisLabel,
        formatter: (value: number) => (k === 0 ? signedPercent(value, 0) : money(value))
      }
    })),
    dataZoom: [
      { type: 'inside', xAxisIndex: panelAxes, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: panelAxes,
        filterMode: 'none',
        left: 70,
        right: 24,
        bottom: 2,
        height: 14,
        showDetail: false,
        borderColor: palette.border,
        fillerColor: 'rgba(128,128,128,0.12)',
        handleStyle: { color: palette.muted, borderColor: palette.border },
        moveHandleSize: 0,
        brushSelect: false
      }
    ],
    series
  }
}
