import { EstimateError } from './estimateError'
import type { CandleSeries, OpenInterestSeries } from './marketSeries'

/** The usual spacing of bars: the median gap, so one missing bar does not set it. */
function barInterval(times: Float64Array): number {
  if (times.length < 2) throw new EstimateError('the candles need at least two bars')
  const gaps = Array.from(times.subarray(1), (time, i) => time - times[i]).sort((a, b) => a - b)
  return gaps[gaps.length >> 1]
}

/** The last sample at or before `time` (open interest is a level, reported at instants), or NaN. */
function levelAt(
  series: OpenInterestSeries,
  time: number,
  from: number
): { value: number; next: number } {
  let k = from
  while (k + 1 < series.times.length && series.times[k + 1] <= time) k++
  return { value: series.times[k] <= time ? series.openInterest[k] : NaN, next: k }
}

/**
 * Open interest in base units at each bar boundary (the open of every bar, then the close of the
 * last), NaN where the series has not started. A quote-valued series is converted at the price of
 * that moment (the bar's open, the last close), so a price move alone does not read as new positions.
 */
export function openInterestAtBars(candles: CandleSeries, oi: OpenInterestSeries): Float64Array {
  const n = candles.times.length
  const boundaries = Float64Array.from({ length: n + 1 }, (_, i) =>
    i < n ? candles.times[i] : candles.times[n - 1] + barInterval(candles.times)
  )
  const levels = new Float64Array(n + 1)
  let cursor = 0
  for (let i = 0; i <= n; i++) {
    const { value, next } = levelAt(oi, boundaries[i], cursor)
    cursor = next
    const price = i < n ? candles.open[i] : candles.close[n - 1]
    levels[i] = oi.unit === 'base' ? value : value / price
  }
  const known = levels.filter(Number.isFinite).length
  if (known < 2) {
    throw new EstimateError(
      'the open interest series does not cover the candles: they need at least two common moments'
    )
  }
  return levels
}
