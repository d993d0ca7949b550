import type { CustomSeriesRenderItem } from 'echarts'
import { graphic } from 'echarts/core'
import type { HeatmapBand, HeatmapBins } from '../../../shared/heatmapTypes'
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

/** One bar as the custom series holds it: price band, where it starts and ends, positions. */
type BinDatum = [low: number, high: number, start: number, end: number, positions: number]

interface SideBins {
  notional: Float64Array
  counts: Uint32Array
}

/**
 * Bars for one side (longs drawn left of zero, shorts right), each starting where the groups
 * before it in the same bin ended, so a split heatmap stacks to the plain one's totals.
 */
function binData(edges: Float64Array, side: SideBins, sign: 1 | -1, offsets: Float64Array) {
  const data: BinDatum[] = []
  for (let j = 0; j < side.notional.length; j++) {
    if (side.notional[j] <= 0) continue
    const start = offsets[j]
    offsets[j] += sign * side.notional[j]
    data.push([edges[j], edges[j + 1], start, offsets[j], side.counts[j]])
  }
  return data
}

/** Colours for venues and leverage bands, distinct on the dark and the light theme alike. */
const GROUP_COLORS = [
  '#4c9aff',
  '#f5a623',
  '#b37feb',
  '#36cfc9',
  '#ff7a45',
  '#95de64',
  '#f759ab',
  '#8c8c8c'
]

interface BarSeries {
  name: string
  data: BinDatum[]
  color: string
}

/** The bars to draw: long and short, or long and short of every group, stacked per bin. */
function barSeries(bins: HeatmapBins, palette: ChartPalette): BarSeries[] {
  const longOffsets = new Float64Array(bins.long.length)
  const shortOffsets = new Float64Array(bins.short.length)
  if (bins.groups.length === 0)
    return [
      {
        name: 'Long liquidations',
        data: binData(bins.edges, { notional: bins.long, counts: bins.longCount }, -1, longOffsets),
        color: palette.long
      },
      {
        name: 'Short liquidations',
        data: binData(
          bins.edges,
          { notional: bins.short, counts: bins.shortCount },
          1,
          shortOffsets
        ),
        color: palette.short
      }
    ]
  return bins.groups.map((group, k) => ({
    name: group.key,
    data: [
      ...binData(bins.edges, { notional: group.long, counts: group.longCount }, -1, longOffsets),
      ...binData(bins.edges, { notional: group.short, counts: group.shortCount }, 1, shortOffsets)
    ],
    color: GROUP_COLORS[k % GROUP_COLORS.length]
  }))
}

/** A horizontal bar from its start to its end, one price band tall, clipped to the grid. */
const renderBin: CustomSeriesRenderItem = (params, api) => {
  const low = api.value(0) as number
  const high = api.value(1) as number
  const [x0, yTop] = api.coord([api.value(2) as number, high])
  const [x1, yBottom] = api.coord([api.value(3) as number, low])
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

/** The band's legend entry and tooltip title: what it spans, said where it is shown. */
export const BAND_NAME = 'Band across leverage mixes (low–high)'

/** One bin's band on one side: from the lowest mix's notional to the highest's. */
type BandDatum = [low: number, high: number, start: number, end: number, bin: number, side: -1 | 1]

/** Longs left of zero, shorts right, as the bars; bins no mix liquidates in are skipped. */
function bandData(edges: Float64Array, band: HeatmapBand): BandDatum[] {
  const data: BandDatum[] = []
  for (const [side, sign] of [
    ['long', -1],
    ['short', 1]
  ] as const)
    for (let j = 0; j < band.high[side].length; j++) {
      if (band.high[side][j] <= 0) continue
      data.push([
        edges[j],
        edges[j + 1],
        sign * band.low[side][j],
        sign * band.high[side][j],
        j,
        sign
      ])
    }
  return data
}

/**
 * A bin's band as an error bar: a translucent span from the low mix's notional to the high
 * mix's, with a tick at each end so a narrow band still reads as a range, not a bar.
 */
const renderBand: CustomSeriesRenderItem = (params, api) => {
  const low = api.value(0) as number
  const high = api.value(1) as number
  const [x0, yTop] = api.coord([api.value(2) as number, high])
  const [x1, yBottom] = api.coord([api.value(3) as number, low])
  const grid = params.coordSys as unknown as { x: number; y: number; width: number; height: number }
  const top = Math.min(yTop, yBottom)
  const height = Math.max(1, Math.abs(yBottom - yTop) - (Math.abs(yBottom - yTop) > 3 ? 1 : 0))
  const span = graphic.clipRectByRect(
    { x: Math.min(x0, x1), y: top, width: Math.max(1, Math.abs(x1 - x0)), height },
    grid
  )
  if (!span) return null
  const color = api.visual('color') as string
  const ticks = [x0, x1].flatMap((x) => {
    const shape = graphic.clipRectByRect({ x: x - 0.75, y: top, width: 1.5, height }, grid)
    return shape ? [{ type: 'rect' as const, shape, style: { fill: color } }] : []
  })
  return {
    type: 'group',
    children: [{ type: 'rect', shape: span, style: { fill: color, opacity: 0.25 } }, ...ticks]
  }
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
  const bars = barSeries(bins, palette)
  const band = bins.band ? bandData(bins.edges, bins.band) : []
  let widest = 1
  for (const bar of bars)
    for (const [, , , end] of bar.data) widest = Math.max(widest, Math.abs(end))
  for (const [, , , end] of band) widest = Math.max(widest, Math.abs(end))
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
  const barSeriesOption = ({ name, data, color }: BarSeries) => ({
    type: 'custom',
    name,
    renderItem: renderBin,
    data,
    encode: { x: [2, 3], y: [0, 1] },
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
      data: [...bars.map((bar) => bar.name), ...(band.length > 0 ? [BAND_NAME] : [])]
    },
    tooltip: {
      ...tooltipStyle(palette),
      trigger: 'item',
      formatter: (item: { seriesName: string; value: BinDatum | BandDatum; color: string }) => {
        if (item.seriesName === BAND_NAME && bins.band)
          return bandTooltip(bins, bins.band, item.value as BandDatum, item.color)
        const [binLow, binHigh, start, end, positions] = item.value as BinDatum
        const notional = end - start
        const middle = (binLow + binHigh) / 2
        const side = bins.groups.length === 0 ? '' : notional < 0 ? ' · longs' : ' · shorts'
        return [
          `<b style="color:${item.color}">${item.seriesName}${side}</b>`,
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
      // The overlays ride on their own empty series, so they stay whatever the bars are split by.
      {
        type: 'custom',
        name: 'overlays',
        renderItem: renderBin,
        data: [],
        markLine: {
          silent: true,
          symbol: 'none',
          label: { position: 'insideStartTop', fontSize: 11, fontFamily: palette.font },
          data: lines
        },
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
      },
      ...bars.map(barSeriesOption),
      ...(band.length > 0
        ? [
            {
              type: 'custom',
              name: BAND_NAME,
              renderItem: renderBand,
              data: band,
              encode: { x: [2, 3], y: [0, 1] },
              itemStyle: { color: palette.warn },
              clip: true
            }
          ]
        : [])
    ]
  }
}

/** What the band is, and each mix's notional in the bin, so the range can be read and checked. */
function bandTooltip(bins: HeatmapBins, band: HeatmapBand, datum: BandDatum, color: string) {
  const [binLow, binHigh, , , bin, sign] = datum
  const side = sign === -1 ? 'long' : 'short'
  const middle = (binLow + binHigh) / 2
  const mixes = band.mixes
    .map((mix) => {
      const leverage = mix.leverageMix.map((row) => `${row.leverage}x`).join('/')
      return `${mix.name} (${leverage}): ${money(mix[side][bin])}`
    })
    .join('<br/>')
  return [
    `<b style="color:${color}">${BAND_NAME} · ${side === 'long' ? 'longs' : 'shorts'}</b>`,
    `${price(binLow)} – ${price(binHigh)} <span style="opacity:.65">(${signedPercent(middle / bins.markPrice - 1, 1)} from mark)</span>`,
    `<b>${money(band.low[side][bin])} – ${money(band.high[side][bin])}</b> liquidation notional if the estimate used`,
    mixes,
    `<span style="opacity:.65">the estimate re-run with each leverage mix; the bars are the book’s own mix</span>`
  ].join('<br/>')
}
