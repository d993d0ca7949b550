import type { SweepResult } from '../../../shared/simulationTypes'
import { money, percent, signedPercent } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'
import type { ChartOption } from './echarts'

const pct = (fraction: number): number => fraction * 100

/**
 * The book's amplification curve: the total move against the exogenous shock. Where it leaves
 * the dashed no-feedback line the book feeds on itself; the critical shock is marked.
 */
export function amplificationOption(
  sweep: SweepResult,
  ran: { shock: number; totalMove: number } | null,
  palette: ChartPalette
): ChartOption {
  const fall = sweep.direction === 'fall'
  const axis = axisStyle(palette)
  const reach = pct(sweep.points[sweep.points.length - 1]?.shock ?? (fall ? -0.3 : 0.3))
  const critical = sweep.critical
  const markLines: object[] = []
  if (critical) {
    markLines.push({
      xAxis: pct(critical.shock),
      lineStyle: { color: palette.warn, type: 'dashed', width: 1.5 },
      label: {
        formatter: `critical ${signedPercent(critical.shock, 1)}`,
        color: palette.warn,
        position: 'end',
        // Towards the larger shocks, away from the y axis labels a small critical shock sits on.
        align: fall ? 'left' : 'right'
      }
    })
  }
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 44, right: 60, top: 30, bottom: 34 },
    legend: {
      top: 0,
      right: 60,
      itemWidth: 14,
      itemHeight: 8,
      textStyle: { color: palette.muted, fontSize: 11 },
      data: ['Total move', 'No feedback', 'Liquidated']
    },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const point = sweep.points[items[0]?.dataIndex ?? 0]
        return [
          `<b>Shock ${signedPercent(point.shock, 1)}</b>`,
          `total move ${signedPercent(point.totalMove)} · amplification ${point.amplification.toFixed(2)}×`,
          `${money(point.liquidatedNotional)} liquidated in ${point.roundCount} rounds`
        ].join('<br/>')
      }
    },
    xAxis: {
      type: 'value',
      name: 'exogenous shock % → total move % (left axis)',
      nameLocation: 'middle',
      nameGap: 22,
      min: Math.min(0, reach),
      max: Math.max(0, reach),
      inverse: fall,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => `${value}` }
    },
    yAxis: [
      {
        type: 'value',
        ...axis,
        axisLabel: { ...axis.axisLabel, formatter: (value: number) => `${value}` }
      },
      {
        type: 'value',
        ...axis,
        splitLine: { show: false },
        axisLabel: { ...axis.axisLabel, formatter: (value: number) => money(value) }
      }
    ],
    series: [
      {
        type: 'bar',
        name: 'Liquidated',
        yAxisIndex: 1,
        data: sweep.points.map((point) => [pct(point.shock), point.liquidatedNotional]),
        barWidth: '60%',
        itemStyle: { color: palette.faint, opacity: 0.35 }
      },
      {
        type: 'line',
        name: 'No feedback',
        data: [
          [0, 0],
          [reach, reach]
        ],
        symbol: 'none',
        lineStyle: { color: palette.muted, type: 'dashed', width: 1 },
        silent: true
      },
      {
        type: 'line',
        name: 'Total move',
        data: sweep.points.map((point) => [pct(point.shock), pct(point.totalMove)]),
        symbol: 'none',
        lineStyle: { color: palette.danger, width: 2 },
        itemStyle: { color: palette.danger },
        markLine: { silent: true, symbol: 'none', data: markLines },
        markPoint: ran
          ? {
              symbol: 'circle',
              symbolSize: 9,
              itemStyle: { color: palette.accent, borderColor: palette.panel, borderWidth: 2 },
              label: {
                show: true,
                position: 'right',
                formatter: `last run ${signedPercent(ran.shock, 1)}`,
                color: palette.accent,
                fontSize: 11
              },
              data: [{ coord: [pct(ran.shock), pct(ran.totalMove)] }]
            }
          : undefined,
        markArea: critical
          ? {
              silent: true,
              itemStyle: { color: palette.runaway },
              data: [[{ xAxis: pct(critical.shock) }, { xAxis: reach }]]
            }
          : undefined
      }
    ]
  }
}

export const criticalLabel = (sweep: SweepResult): string =>
  sweep.critical
    ? `critical shock ${signedPercent(sweep.critical.shock, 1)} (cascade adds ≥ ${percent(sweep.critical.threshold.value, 1)})`
    : 'no critical shock in range'
