/** A replayed price series: seconds since its first row, and prices, both ascending by time. */
export interface PriceSeries {
  seconds: Float64Array
  prices: Float64Array
}

export class PriceSeriesError extends Error {
  override name = 'PriceSeriesError'
}

const HEADER = /^\s*timestamp\s*,\s*price\s*$/i
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/**
 * Reads `timestamp,price` text (the header first, one row per line, blank lines skipped).
 * Timestamps must ascend strictly; prices must be positive. Line numbers count the header as 1.
 */
export function parsePriceSeries(text: string, unit: 's' | 'ms'): PriceSeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (!HEADER.test(lines[0] ?? '')) {
    throw new PriceSeriesError(`line 1: the header must be "timestamp,price", got "${lines[0]}"`)
  }
  const times: number[] = []
  const prices: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '') continue
    const cells = line.split(',').map((cell) => cell.trim())
    const at = `line ${i + 1}`
    if (cells.length !== 2 || !NUMBER.test(cells[0]) || !NUMBER.test(cells[1])) {
      throw new PriceSeriesError(`${at}: expected "timestamp,price" numbers, got "${line}"`)
    }
    const time = Number(cells[0]) / (unit === 'ms' ? 1000 : 1)
    const price = Number(cells[1])
    if (!(price > 0) || !Number.isFinite(price))
      throw new PriceSeriesError(`${at}: the price must be positive, got ${cells[1]}`)
    if (times.length > 0 && !(time > times[times.length - 1]))
      throw new PriceSeriesError(`${at}: timestamps must ascend, ${cells[0]} does not`)
    times.push(time)
    prices.push(price)
  }
  if (times.length < 2) throw new PriceSeriesError('a replayed series needs at least two rows')
  return {
    seconds: Float64Array.from(times, (time) => time - times[0]),
    prices: Float64Array.from(prices)
  }
}

/** The series' price `seconds` after its start: linear between rows, the last price after the end. */
export function priceAtSeconds(series: PriceSeries, seconds: number): number {
  const { seconds: times, prices } = series
  const last = times.length - 1
  if (seconds >= times[last]) return prices[last]
  let lo = 0
  let hi = last
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1
    if (times[mid] <= seconds) lo = mid
    else hi = mid
  }
  const weight = (seconds - times[lo]) / (times[hi] - times[lo])
  return prices[lo] + weight * (prices[hi] - prices[lo])
}
