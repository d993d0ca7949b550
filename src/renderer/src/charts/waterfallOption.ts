import type { CustomSeriesRenderItem } from 'echarts'
import type { CascadeResult } from '../../../shared/simulationTypes'
import { count, money, price, signedPercent } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'
import type { ChartOption } from './echarts'

type StepDatum = [category: number, from: number, to: number]

/** A floating bar from one price to the next: the price's path, step by step. */
const renderStep: CustomSeriesRenderItem = (_params, api) => {
  const category = api.value(0) as number
  const [x, yFrom] = api.coord([category, api.value(1)])
  const [, yTo] = api.coord([category, api.value(2)])
  // A band's width, but never a slab: with one or two steps a band spans half the chart.
  const width = Math.min((api.size!([1, 0]) as number[])[0] * 0.56, 72)
  return {
    type: 'rect',
    shape: {
      x: x - width / 2,
      y: Math.min(yFrom, yTo),
      width,
      height: Math.max(1.5, Math.abs(yTo - yFrom))
    },
    style: api.style()
  }
}

/**
 * The cascade round by round: on top, the price's waterfall (the exogenous shock, then each
 * round's forced flow); below, the notional each round liquidated.
 */
export function waterfallOption(result: CascadeResult, palette: ChartPalette): ChartOption {
  const { summary, rounds } = result
  const fall = summary.direction < 0
  const categories = ['Shock', ...rounds.map((round) => `R${round.round + 1}`)]
  const steps: StepDatum[] = [
    [0, summary.startPrice, summary.shockedPrice],
    ...rounds.map((round, k): StepDatum => [k + 1, round.priceBefore, round.priceAfter])
  ]
  const notional = [0, ...rounds.map((round) => round.liquidatedNotional)]
  const positions = [0, ...rounds.map((round) => round.liquidatedCount)]
  const forced = fall ? palette.long : palette.short
  const axis = axisStyle(palette)
  const categoryAxis = (gridIndex: number, showLabels: boolean) => ({
    type: 'category',
    gridIndex,
    data: categories,
    ...axis,
    axisLabel: { ...axis.axisLabel, show: showLabels, interval: 'auto' },
    splitLine: { show: false }
  })
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: [
      { left: 64, right: 16, top: 12, height: '52%' },
      { left: 64, right: 16, top: '66%', bottom: 24 }
    ],
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const k = items[0]?.dataIndex ?? 0
        const [, from, to] = steps[k]
        const head = `<b>${categories[k]}</b> ${k === 0 ? 'exogenous shock' : 'forced flow'}`
        const move = `${price(from)} → ${price(to)} (${signedPercent(to / from - 1)})`
        if (k === 0) return [head, move].join('<br/>')
        const venues = rounds[k - 1].byVenue
          .filter((venue) => venue.notional > 0)
          .sort((a, b) => b.notional - a.notional)
          .slice(0, 5)
          .map((venue) => `${venue.venue} ${money(venue.notional)}`)
          .join(' · ')
        return [
          head,
          move,
          `<b>${money(notional[k])}</b> liquidated · ${count(positions[k])} positions`,
          `<span style="opacity:.7">${venues}</span>`
        ].join('<br/>')
      }
    },
    xAxis: [categoryAxis(0, false), categoryAxis(1, true)],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        // Fitted to the path with round bounds: the move, not the distance from zero, matters.
        scale: true,
        ...axis,
        axisLabel: { ...axis.axisLabel, formatter: (value: number) => price(value) },
        splitNumber: 4
      },
      {
        type: 'value',
        gridIndex: 1,
        min: 0,
        // With nothing liquidated the axis would invent a $0–$1 scale; keep it bare instead.
        max: rounds.length === 0 ? 1 : undefined,
        ...axis,
        axisLabel: {
          ...axis.axisLabel,
          show: rounds.length > 0,
          formatter: (value: number) => money(value)
        },
        splitNumber: 2
      }
    ],
    series: [
      {
        type: 'custom',
        name: 'Price',
        xAxisIndex: 0,
        yAxisIndex: 0,
        renderItem: renderStep,
        encode: { x: 0, y: [1, 2] },
        data: steps.map((step, k) => ({
          value: step,
          itemStyle: { color: k === 0 ? palette.accent : forced }
        }))
      },
      {
        type: 'line',
        name: 'Price path',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: steps.map(([, , to]) => to),
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: palette.priceLine, width: 1, type: 'dotted' },
        itemStyle: { color: palette.priceLine },
        silent: true
      },
      {
        type: 'bar',
        name: 'Liquidated',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: notional,
        barMaxWidth: 36,
        itemStyle: { color: forced, opacity: 0.85, borderRadius: [2, 2, 0, 0] }
      }
    ]
  }
}
