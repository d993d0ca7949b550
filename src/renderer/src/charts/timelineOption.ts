import type { CustomSeriesRenderItem } from 'echarts'
import { graphic } from 'echarts/core'
import type { ScenarioRun } from '../../../shared/scenarioRunTypes'
import { money, price, signedPercent } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'
import type { ChartOption } from './echarts'
import { clock, niceTimeInterval, pointStep } from './timelineAxis'

type Grid = { x: number; y: number; width: number; height: number }

/** Tops of the time strips below the heatmap, in percent of the chart's height. */
const STRIP_TOPS = [51, 63, 75, 87]
const STRIP_HEIGHT = 8.5
const LEFT = 70
const PROFILE_WIDTH = 200
const RIGHT = PROFILE_WIDTH + 64
/** The grids (and their x axes) that run along time: all but the step profile's. */
export const TIME_AXES = [0, 2, 3, 4, 5]

/** Lending bad debt (a level) plus the perp bad debt so far: what is lost up to each point. */
export function badDebtSoFar(run: ScenarioRun, market: number): Float64Array {
  const { lendingBadDebt, perpBadDebt } = run.markets[market].series
  const out = new Float64Array(run.points)
  let perp = 0
  for (let p = 0; p < run.points; p++) {
    perp += perpBadDebt[p]
    out[p] = lendingBadDebt[p] + perp
  }
  return out
}

export interface TimelineView {
  run: ScenarioRun
  market: number
  point: number
  /** The price x time heatmap, drawn once per run, market and side (priceTimeHeatmap.ts). */
  heatmap: HTMLCanvasElement | null
}

/**
 * The timeline of one market on one chart, so every panel shares one zoom and one crosshair:
 * the price x time heatmap of standing liquidations with the price, fundamental and oracle drawn
 * over it; beside it the scrubbed step's profile; below, liquidations per step (long and short
 * stacked), the engines' queue, open interest, and the insurance funds with the bad debt so far.
 */
export function timelineOption(view: TimelineView, palette: ChartPalette): ChartOption {
  const { run, market: m, point } = view
  const market = run.markets[m]
  const { series, profile } = market
  const bins = profile.edges.length - 1
  const xs = Array.from({ length: run.points }, (_, p) => pointStep(run, p))
  const line = (values: ArrayLike<number>) => xs.map((x, p) => [x, values[p]])
  const axis = axisStyle(palette)
  const lastStep = run.steps - 1
  let low = profile.edges[0]
  let high = profile.edges[bins]
  for (let p = 0; p < run.points; p++) {
    low = Math.min(low, series.price[p], series.fundamental[p])
    high = Math.max(high, series.price[p], series.fundamental[p])
  }
  const hasLag = run.scenario.markets[m]?.oracleLagSteps > 0
  const here = xs[point]
  /** A plain line on one of the strips below the heatmap (strip = its axis index). */
  const stripLine = (
    name: string,
    strip: number,
    values: ArrayLike<number>,
    color: string,
    markLine?: object
  ) => ({
    type: 'line',
    name,
    xAxisIndex: strip,
    yAxisIndex: strip,
    data: line(values),
    showSymbol: false,
    lineStyle: { color, width: 1.2 },
    itemStyle: { color },
    ...(markLine ? { markLine } : {})
  })
  const cursor = {
    silent: true,
    symbol: 'none',
    animation: false,
    lineStyle: { color: palette.finalLine, type: 'solid', width: 1 },
    label: { show: false },
    data: [{ xAxis: here }]
  }

  const renderHeatmap: CustomSeriesRenderItem = (params, api) => {
    if (!view.heatmap) return null
    const [x0, y0] = api.coord([-0.5, profile.edges[bins]])
    const [x1, y1] = api.coord([run.points * run.stride - 0.5, profile.edges[0]])
    const grid = params.coordSys as unknown as Grid
    return {
      type: 'image',
      style: { image: view.heatmap, x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      clipPath: { type: 'rect', shape: { ...grid } },
      silent: true
    }
  }

  const profileData: [number, number, number][] = []
  for (let j = 0; j < bins; j++) {
    const long = profile.long[point * bins + j]
    const short = profile.short[point * bins + j]
    if (long > 0) profileData.push([profile.edges[j], profile.edges[j + 1], -long])
    if (short > 0) profileData.push([profile.edges[j], profile.edges[j + 1], short])
  }
  let widest = 1
  for (const [, , notional] of profileData) widest = Math.max(widest, Math.abs(notional))
  const renderBin: CustomSeriesRenderItem = (params, api) => {
    const [xa, yTop] = api.coord([0, api.value(1) as number])
    const [xb, yBottom] = api.coord([api.value(2) as number, api.value(0) as number])
    const shape = graphic.clipRectByRect(
      {
        x: Math.min(xa, xb),
        y: Math.min(yTop, yBottom),
        width: Math.max(1, Math.abs(xb - xa)),
        height: Math.max(1, Math.abs(yBottom - yTop) - (Math.abs(yBottom - yTop) > 3 ? 1 : 0))
      },
      params.coordSys as unknown as Grid
    )
    const color = (api.value(2) as number) < 0 ? palette.long : palette.short
    return shape ? { type: 'rect', shape, style: { fill: color, opacity: 0.9 } } : null
  }

  const strip = (k: number) => ({
    left: LEFT,
    right: RIGHT,
    top: `${STRIP_TOPS[k]}%`,
    height: `${STRIP_HEIGHT}%`
  })
  const timeAxis = (gridIndex: number, labels: boolean) => ({
    type: 'value',
    gridIndex,
    // From the first step to the last, so clock ticks fall on round times; the heatmap's outer
    // half columns are clipped.
    min: 0,
    max: Math.max(1, lastStep),
    interval: niceTimeInterval(run.steps * run.stepSeconds) / run.stepSeconds,
    ...axis,
    splitLine: { show: false },
    axisLabel: {
      ...axis.axisLabel,
      show: labels,
      formatter: (step: number) => clock(step * run.stepSeconds)
    },
    axisPointer: {
      label: {
        show: labels,
        formatter: ({ value }: { value: number }) => clock(Math.round(value) * run.stepSeconds)
      }
    }
  })
  const moneyAxis = (gridIndex: number, name: string) => ({
    type: 'value',
    gridIndex,
    name,
    nameLocation: 'end',
    nameGap: 6,
    splitNumber: 2,
    // Whole dollars: a strip that stays at zero shows $0 and $1, not $0.5 rounded to $1.
    minInterval: 1,
    ...axis,
    nameTextStyle: { ...axis.nameTextStyle, align: 'left' },
    axisLabel: { ...axis.axisLabel, formatter: (value: number) => money(value) }
  })
  const badDebt = badDebtSoFar(run, m)

  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    axisPointer: { link: [{ xAxisIndex: TIME_AXES }], lineStyle: { color: palette.muted } },
    legend: {
      orient: 'vertical',
      right: 16,
      top: '51%',
      itemWidth: 12,
      itemHeight: 8,
      itemGap: 7,
      textStyle: { color: palette.muted, fontSize: 11 },
      data: [
        'Price',
        'Fundamental',
        ...(hasLag ? ['Oracle'] : []),
        'Long liquidated',
        'Short liquidated',
        'Queue long',
        'Queue short',
        'Open interest',
        'Insurance funds',
        'Bad debt so far'
      ]
    },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      formatter: (items: { seriesIndex: number; dataIndex: number }[]) => {
        const item = items.find((candidate) => candidate.seriesIndex > 1)
        if (!item) return ''
        const p = item.dataIndex
        return [
          `<b>${clock(xs[p] * run.stepSeconds)}</b> <span style="opacity:.65">step ${xs[p]}</span>`,
          `price ${price(series.price[p])} · fundamental ${price(series.fundamental[p])} (${signedPercent(series.dislocation[p])})`,
          `liquidated <span style="color:${palette.long}">${money(series.longNotional[p])} long</span> · <span style="color:${palette.short}">${money(series.shortNotional[p])} short</span>`,
          `queue ${money(series.queueLong[p] + series.queueShort[p])} · OI ${money(series.openInterestNotional[p])}`,
          `funds ${money(run.insuranceFund[p])} · bad debt ${money(badDebt[p])}`
        ].join('<br/>')
      }
    },
    grid: [
      { left: LEFT, right: RIGHT, top: 26, height: '42%' },
      { right: 30, width: PROFILE_WIDTH - 16, top: 26, height: '42%' },
      strip(0),
      strip(1),
      strip(2),
      strip(3)
    ],
    xAxis: [
      timeAxis(0, true),
      {
        type: 'value',
        gridIndex: 1,
        min: -widest * 1.05,
        max: widest * 1.05,
        ...axis,
        splitNumber: 2,
        axisPointer: { show: false },
        axisLabel: {
          ...axis.axisLabel,
          // The left end would crowd the heatmap's last time label.
          showMinLabel: false,
          formatter: (value: number) => money(Math.abs(value))
        }
      },
      timeAxis(2, false),
      timeAxis(3, false),
      timeAxis(4, false),
      timeAxis(5, true)
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: low,
        max: high,
        ...axis,
        // The ends are the heatmap's edges, odd numbers that crowd the round ticks next to them.
        axisLabel: {
          ...axis.axisLabel,
          showMinLabel: false,
          showMaxLabel: false,
          formatter: (value: number) => price(value)
        }
      },
      {
        type: 'value',
        gridIndex: 1,
        min: low,
        max: high,
        ...axis,
        axisLabel: { show: false },
        axisPointer: { show: false }
      },
      moneyAxis(2, 'Liquidated / step'),
      moneyAxis(3, 'Engine queue'),
      moneyAxis(4, 'Open interest'),
      moneyAxis(5, 'Insurance funds · bad debt')
    ],
    dataZoom: [
      { type: 'inside', xAxisIndex: TIME_AXES, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: TIME_AXES,
        filterMode: 'none',
        left: LEFT,
        right: RIGHT,
        bottom: 4,
        height: 14,
        showDetail: false,
        borderColor: palette.border,
        fillerColor: 'rgba(128,128,128,0.12)',
        handleStyle: { color: palette.muted, borderColor: palette.border },
        moveHandleSize: 0,
        brushSelect: false
      },
      {
        type: 'slider',
        yAxisIndex: [0, 1],
        filterMode: 'none',
        right: 6,
        width: 12,
        top: 26,
        height: '42%',
        showDetail: false,
        borderColor: palette.border,
        fillerColor: 'rgba(128,128,128,0.12)',
        handleStyle: { color: palette.muted, borderColor: palette.border },
        moveHandleSize: 0,
        brushSelect: false
      }
    ],
    series: [
      {
        type: 'custom',
        name: 'Heatmap',
        xAxisIndex: 0,
        yAxisIndex: 0,
        renderItem: renderHeatmap,
        data: [[0]],
        silent: true,
        z: 1,
        tooltip: { show: false }
      },
      {
        type: 'custom',
        name: 'Step profile',
        xAxisIndex: 1,
        yAxisIndex: 1,
        renderItem: renderBin,
        data: profileData,
        encode: { x: 2, y: [0, 1] },
        silent: true,
        markLine: {
          silent: true,
          symbol: 'none',
          animation: false,
          lineStyle: { color: palette.priceLine, width: 1.5 },
          label: {
            formatter: price(series.price[point]),
            position: 'insideStartTop',
            color: palette.priceLine,
            fontSize: 11
          },
          data: [{ yAxis: series.price[point] }]
        }
      },
      {
        type: 'line',
        name: 'Fundamental',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: line(series.fundamental),
        showSymbol: false,
        lineStyle: { color: palette.accent, width: 1.2, type: 'dashed' },
        itemStyle: { color: palette.accent },
        z: 3
      },
      ...(hasLag
        ? [
            {
              type: 'line',
              name: 'Oracle',
              xAxisIndex: 0,
              yAxisIndex: 0,
              data: line(series.oracle),
              showSymbol: false,
              lineStyle: { color: palette.muted, width: 1, type: 'dotted' },
              itemStyle: { color: palette.muted },
              z: 3
            }
          ]
        : []),
      {
        type: 'line',
        name: 'Price',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: line(series.price),
        showSymbol: false,
        lineStyle: { color: palette.priceLine, width: 1.6 },
        itemStyle: { color: palette.priceLine },
        z: 4,
        markLine: cursor
      },
      ...(['long', 'short'] as const).map((side) => ({
        type: 'bar',
        name: side === 'long' ? 'Long liquidated' : 'Short liquidated',
        xAxisIndex: 2,
        yAxisIndex: 2,
        stack: 'liquidated',
        barMaxWidth: 8,
        data: line(side === 'long' ? series.longNotional : series.shortNotional),
        itemStyle: { color: side === 'long' ? palette.long : palette.short },
        ...(side === 'long' ? { markLine: cursor } : {})
      })),
      ...(['long', 'short'] as const).map((side) => ({
        type: 'line',
        name: side === 'long' ? 'Queue long' : 'Queue short',
        xAxisIndex: 3,
        yAxisIndex: 3,
        data: line(side === 'long' ? series.queueLong : series.queueShort),
        showSymbol: false,
        lineStyle: { color: side === 'long' ? palette.long : palette.short, width: 1.2 },
        areaStyle: { color: side === 'long' ? palette.long : palette.short, opacity: 0.18 },
        itemStyle: { color: side === 'long' ? palette.long : palette.short },
        ...(side === 'long' ? { markLine: cursor } : {})
      })),
      stripLine('Open interest', 4, series.openInterestNotional, palette.text, cursor),
      stripLine('Insurance funds', 5, run.insuranceFund, palette.short, cursor),
      stripLine('Bad debt so far', 5, badDebt, palette.danger)
    ]
  }
}
