import type { MarketRun } from '../../../shared/scenarioRunTypes'

export type ProfileSide = 'both' | 'long' | 'short'

/**
 * Perceptually even colours from dark violet through teal to yellow (viridis), as liquidation
 * heatmaps are usually drawn: the brightest band is the biggest cluster whatever the theme.
 */
const STOPS: [number, number, number][] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [181, 222, 43],
  [253, 231, 37]
]

/** The opacity of the smallest cells, and how fast it reaches full with the share of the scale. */
const FAINTEST = 0.3
const FADE_IN = 2

/** The scale as a CSS gradient, for the legend beside the chart. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${STOPS.map(
  ([r, g, b], k) =>
    `rgb(${r} ${g} ${b} / ${Math.min(1, FAINTEST + (k / (STOPS.length - 1)) * FADE_IN)}) ${((k / (STOPS.length - 1)) * 100).toFixed(0)}%`
).join(', ')})`

/** The colour of a share 0..1 of the scale. */
export function heatColor(share: number): [number, number, number] {
  const at = Math.max(0, Math.min(1, share)) * (STOPS.length - 1)
  const i = Math.min(STOPS.length - 2, Math.floor(at))
  const f = at - i
  const [a, b] = [STOPS[i], STOPS[i + 1]]
  return [0, 1, 2].map((k) => Math.round(a[k] + f * (b[k] - a[k]))) as [number, number, number]
}

/** The notional standing in bin `j` at point `p` on the chosen side(s). */
function cell(
  profile: MarketRun['profile'],
  bins: number,
  p: number,
  j: number,
  side: ProfileSide
): number {
  const at = p * bins + j
  if (side === 'long') return profile.long[at]
  if (side === 'short') return profile.short[at]
  return profile.long[at] + profile.short[at]
}

/**
 * The colour scale's top: the 99th percentile of the cells that hold anything, so one giant
 * cluster does not wash every other band out to the bottom colour.
 */
export function heatScale(
  profile: MarketRun['profile'],
  points: number,
  side: ProfileSide
): number {
  const bins = profile.edges.length - 1
  const values: number[] = []
  for (let p = 0; p < points; p++)
    for (let j = 0; j < bins; j++) {
      const value = cell(profile, bins, p, j, side)
      if (value > 0) values.push(value)
    }
  if (values.length === 0) return 0
  values.sort((a, b) => a - b)
  return values[Math.min(values.length - 1, Math.floor(values.length * 0.99))]
}

/**
 * RGBA pixels of the price x time heatmap: one column per point (left to right), one row per
 * price bin (highest price at the top). Empty cells are transparent, so the panel shows
 * through; the rest are coloured by the square root of their share of the scale, which keeps
 * small clusters visible next to big ones, and the smallest are also faded so the clusters stand out.
 */
export function heatmapPixels(
  profile: MarketRun['profile'],
  points: number,
  side: ProfileSide
): { width: number; height: number; data: Uint8ClampedArray; scale: number } {
  const bins = profile.edges.length - 1
  const scale = heatScale(profile, points, side)
  const data = new Uint8ClampedArray(points * bins * 4)
  if (scale > 0) {
    for (let p = 0; p < points; p++) {
      for (let j = 0; j < bins; j++) {
        const value = cell(profile, bins, p, j, side)
        if (!(value > 0)) continue
        const share = Math.min(1, Math.sqrt(value / scale))
        const [r, g, b] = heatColor(share)
        const at = ((bins - 1 - j) * points + p) * 4
        data[at] = r
        data[at + 1] = g
        data[at + 2] = b
        data[at + 3] = Math.round(255 * Math.min(1, FAINTEST + share * FADE_IN))
      }
    }
  }
  return { width: points, height: bins, data, scale }
}

/** The heatmap as a canvas ECharts can draw as an image, stretched over the chart's grid. */
export function heatmapCanvas(
  profile: MarketRun['profile'],
  points: number,
  side: ProfileSide
): { canvas: HTMLCanvasElement; scale: number } {
  const pixels = heatmapPixels(profile, points, side)
  const canvas = document.createElement('canvas')
  canvas.width = pixels.width
  canvas.height = pixels.height
  const context = canvas.getContext('2d')
  if (context) {
    const image = context.createImageData(pixels.width, pixels.height)
    image.data.set(pixels.data)
    context.putImageData(image, 0, 0)
  }
  return { canvas, scale: pixels.scale }
}
