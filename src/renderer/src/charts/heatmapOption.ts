import type { CustomSeriesRenderItem } from 'echarts'
import { graphic } from 'echarts/core'
import type { HeatmapBins } from '../../../shared/heatmapTypes'
import type { ChartOption } from './echarts'
import { count, money, price, signedPercent } from '../format'
import { axisStyle, tooltipStyle, type ChartPalette } from './chartPalette'

export interface RunawayZone {
  from: number
  to: number
  peakGain: number
}

export interface HeatmapOverlays {
  /** The last cascade's fixed point on this market, if one was run. */
  finalPrice: number | null
  runawayZones: readonly RunawayZone[]
}

/** One bin as the custom series holds it: price band, signed notional, positions. */
type BinDatum = [low: number, high: number, notional: number, positions: number]

function binData(bins: HeatmapBins, side: 'long' | 'short'): BinDatum[] {
  const notional = bins[side]
  const counts = side === 'long' ? bins.longCount : bins.shortCount
  const sign = side === 'long' ? -1 : 1
  const data: BinDatum[] = []
  for (let j = 0; j < notional.length; j++) {
    if (notional[j] <= 0) continue
    data.push([bins.edges[j], bins.edges[j + 1], sign * notional[j], counts[j]])
  }
  return data
}

/** A horizontal bar from zero to the bin's notional, one price band tall, clipped to the grid. */
const renderBin: CustomSeriesRenderItem = (params, api) => {
  const low = api.value(0) as number
  const high = api.value(1) as number
  const notional = api.value(2) as number
  const [x0, yTop] = api.coord([0, high])
  const [x1, yBottom] = api.coord([notional, low])
  const height = Math.abs(yBottom - yTop)
  // A hairline between bands keeps neighbouring bins apart once they are a few pixels tall.
  const gap = height > 3 ? 1 : 0
  const shape = graphic.clipRectByRect(
    {
      x: Math.min(x0, x1),
      y: Math.min(yTop, yBottom),
      width: Math.max(1, Math.abs(x1 - x0)),
      height: Math.max(1, height - gap)
    },
    params.coordSys as unknown as { x: number; y: number; width: number; height: number }
  )
  return shape ? { type: 'rect', shape, style: api.style() } : null
}

/**
 * Liquidations by price: longs to the left (they sell as the price falls through them), shorts
 * to the right, the mark and the cascade's final price as lines, runaway zones shaded.
 */
export function heatmapOption(
  bins: HeatmapBins,
  overlays: HeatmapOverlays,
  palette: ChartPalette
): ChartOption {
  const long = binData(bins, 'long')
  const short = binData(bins, 'short')
  let widest = 1
  for (const [, , notional] of [...long, ...short]) widest = Math.max(widest, Math.abs(notional))
  const low = bins.edges[0]
  const high = bins.edges[bins.edges.length - 1]
  const axis = axisStyle(palette)
  const lines: object[] = [
    {
      yAxis: bins.markPrice,
      lineStyle: { color: palette.priceLine, type: 'solid', width: 1.5 },
      label: { formatter: `mark ${price(bins.markPrice)}`, color: palette.priceLine }
    }
  ]
  if (overlays.finalPrice !== null && overlays.finalPrice > low && overlays.finalPrice < high) {
    lines.push({
      yAxis: overlays.finalPrice,
      lineStyle: { color: palette.finalLine, type: 'dashed', width: 1.5 },
      // Right-hand end: below the mark the right side holds shorts only, and they sit above it.
      label: {
        formatter: `cascade final ${price(overlays.finalPrice)}`,
        color: palette.finalLine,
        position: overlays.finalPrice < bins.markPrice ? 'insideEndBottom' : 'insideEndTop'
      }
    })
  }
  const zones = overlays.runawayZones
    .filter((zone) => Math.max(zone.from, zone.to) > low && Math.min(zone.from, zone.to) < high)
    .map((zone) => [
      {
        yAxis: Math.max(low, Math.min(zone.from, zone.to)),
        name: `runaway · gain ${zone.peakGain.toFixed(1)}`
      },
      { yAxis: Math.min(high, Math.max(zone.from, zone.to)) }
    ])
  const sideSeries = (name: string, data: BinDatum[], color: string) => ({
    type: 'custom',
    name,
    renderItem: renderBin,
    data,
    encode: { x: 2, y: [0, 1] },
    itemStyle: { color, opacity: 0.92 },
    emphasis: { itemStyle: { opacity: 1 } },
    clip: true
  })
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 70, right: 44, top: 28, bottom: 36 },
    legend: {
      top: 0,
      right: 40,
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: palette.muted, fontSize: 11 },
      data: ['Long liquidations', 'Short liquidations']
    },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'item',
      formatter: (item: { seriesName: string; value: BinDatum; color: string }) => {
        const [binLow, binHigh, notional, positions] = item.value
        const middle = (binLow + binHigh) / 2
        return [
          `<b style="color:${item.color}">${item.seriesName}</b>`,
          `${price(binLow)} – ${price(binHigh)} <span style="opacity:.65">(${signedPercent(middle / bins.markPrice - 1, 1)} from mark)</span>`,
          `<b>${money(Math.abs(notional))}</b> notional · ${count(positions)} positions`
        ].join('<br/>')
      }
    },
    xAxis: {
      type: 'value',
      min: -widest * 1.08,
      max: widest * 1.08,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => money(Math.abs(value)) },
      splitNumber: 6
    },
    yAxis: {
      type: 'value',
      min: low,
      max: high,
      ...axis,
      axisLabel: { ...axis.axisLabel, formatter: (value: number) => price(value) },
      splitNumber: 10
    },
    dataZoom: [
      { type: 'inside', yAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: true },
      {
        type: 'slider',
        yAxisIndex: 0,
        filterMode: 'none',
        right: 6,
        width: 14,
        top: 28,
        bottom: 36,
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
        ...sideSeries('Long liquidations', long, palette.long),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { position: 'insideStartTop', fontSize: 11, fontFamily: palette.font },
          data: lines
        }
      },
      {
        ...sideSeries('Short liquidations', short, palette.short),
        markArea: {
          silent: true,
          itemStyle: { color: palette.runaway },
          label: {
            position: 'insideTopRight',
            color: palette.danger,
            fontSize: 10.5,
            fontFamily: palette.font
          },
          data: zones
        }
      }
    ]
  }
}
