import { parseDecimal } from '../../engine/import/numberNotation'
import { parseTimestamp } from '../../engine/import/series/parseTimestamp'
import { badRowsError, SeriesError, type SeriesIssue } from '../../engine/import/series/seriesError'
import type { OpenInterestSeries } from '../../engine/estimate/marketSeries'
import { columnIndex, readCsvTable } from './csvTable'
import { RowReader } from './rowReader'
import { TIME_COLUMNS } from './seriesFile'

/** Base units (coins, contracts of one coin): Binance metrics' sum_open_interest, Bybit's openInterest. */
const BASE_COLUMNS = ['sum_open_interest', 'sumOpenInterest', 'open_interest', 'openInterest', 'oi']
/** Quote value: Binance metrics' sum_open_interest_value, vendors' USD columns. */
const QUOTE_COLUMNS = [
  'sum_open_interest_value',
  'sumOpenInterestValue',
  'open_interest_value',
  'openInterestValue',
  'open_interest_usd',
  'oi_usd'
]
/** Vendors sending open interest as candles (Coinalyze's t,o,h,l,c): the bar's close level. */
const CANDLE_COLUMNS = ['close', 'c']

const isDataRow = (cells: readonly string[]): boolean =>
  cells.length >= 2 && parseTimestamp(cells[0]) !== null && parseDecimal(cells[1]) !== null

interface Layout {
  time: number
  value: number
  unit: 'base' | 'quote'
  symbol: number
}

function layoutOf(header: readonly string[] | null, path: string, unit?: 'base' | 'quote'): Layout {
  if (header === null) return { time: 0, value: 1, unit: unit ?? 'base', symbol: -1 }
  const time = columnIndex(header, TIME_COLUMNS)
  const base = columnIndex(header, [...BASE_COLUMNS, ...CANDLE_COLUMNS])
  const quote = columnIndex(header, QUOTE_COLUMNS)
  const symbol = columnIndex(header, ['symbol', 'market', 'instId'])
  const useQuote = unit === 'quote' ? quote >= 0 : base < 0 && quote >= 0
  const value = useQuote ? quote : base
  if (time < 0 || value < 0) {
    throw new SeriesError(
      `open interest ${path}: needs a timestamp and an open interest column such as sum_open_interest or openInterest (the header has: ${header.join(', ')})`
    )
  }
  return { time, value, unit: useQuote ? 'quote' : (unit ?? 'base'), symbol }
}

/**
 * Reads open interest history (Binance's futures metrics archives, Bybit's open-interest
 * endpoint, vendors' exports): base units preferred over quote value. Repeated timestamps (the
 * metrics archives have some) keep their first row; a timestamp going back is an error, by line.
 */
export function loadOpenInterestFile(path: string, unit?: 'base' | 'quote'): OpenInterestSeries {
  const table = readCsvTable(path, 'open interest', (first) => !isDataRow(first))
  const layout = layoutOf(table.header, path, unit)
  const times: number[] = []
  const values: number[] = []
  const issues: SeriesIssue[] = []
  for (const { line, cells } of table.rows) {
    const reader = new RowReader(cells, line)
    const time = reader.time(layout.time)
    const value = reader.number(layout.value, 'open interest')
    const last = times[times.length - 1]
    if (reader.ok && time < last)
      reader.fail(`timestamps must ascend: ${cells[layout.time]} is before the row above`)
    issues.push(...reader.issues)
    if (!reader.ok || time === last) continue
    times.push(time)
    values.push(value)
  }
  if (issues.length > 0) throw badRowsError(`open interest ${path}`, issues)
  if (times.length < 2)
    throw new SeriesError(`open interest ${path}: needs at least two rows, got ${times.length}`)
  const first = table.rows[0]?.cells[layout.symbol]
  return {
    times: Float64Array.from(times),
    openInterest: Float64Array.from(values),
    unit: layout.unit,
    symbol: layout.symbol >= 0 && first ? first : null
  }
}
