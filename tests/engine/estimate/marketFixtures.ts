import type { CandleSeries, OpenInterestSeries } from '../../../src/engine/estimate/marketSeries'

const HOUR = 3_600_000

/** Hourly candles through the given closes: each bar opens at the previous close, ranges ±spread. */
export function candlesThrough(
  closes: readonly number[],
  { spread = 0.001, takerBuyShare = NaN }: { spread?: number; takerBuyShare?: number } = {}
): CandleSeries {
  const n = closes.length
  const open = Float64Array.from(closes, (close, i) => (i === 0 ? close : closes[i - 1]))
  return {
    times: Float64Array.from({ length: n }, (_, i) => i * HOUR),
    open,
    high: Float64Array.from(closes, (close, i) => Math.max(close, open[i]) * (1 + spread)),
    low: Float64Array.from(closes, (close, i) => Math.min(close, open[i]) * (1 - spread)),
    close: Float64Array.from(closes),
    volume: new Float64Array(n).fill(100),
    takerBuyVolume: new Float64Array(n).fill(100 * takerBuyShare)
  }
}

/** Open interest in base units at each bar boundary (n + 1 levels for n bars). */
export function openInterestAt(
  levels: readonly number[],
  unit: 'base' | 'quote' = 'base'
): OpenInterestSeries {
  return {
    times: Float64Array.from(levels, (_, i) => i * HOUR),
    openInterest: Float64Array.from(levels),
    unit,
    symbol: 'BTCUSDT'
  }
}
