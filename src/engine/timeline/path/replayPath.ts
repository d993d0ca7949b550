import { parsePriceSeries, priceAtSeconds } from '../priceSeries'

/**
 * A replayed series on the step grid (step t at t * stepSeconds after its first row). Relative
 * mode applies its moves to the start price; absolute mode takes its prices as they are.
 */
export function replayLogPath(
  component: { csv: string; timestampUnit: 's' | 'ms'; mode: 'relative' | 'absolute' },
  steps: number,
  stepSeconds: number,
  startPrice: number
): Float64Array {
  const series = parsePriceSeries(component.csv, component.timestampUnit)
  const base = component.mode === 'relative' ? series.prices[0] : startPrice
  return Float64Array.from({ length: steps }, (_, t) =>
    Math.log(priceAtSeconds(series, t * stepSeconds) / base)
  )
}
