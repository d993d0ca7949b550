import { parseDecimal } from '../../engine/import/numberNotation'
import { parseTimestamp } from '../../engine/import/series/parseTimestamp'
import { SeriesError } from '../../engine/import/series/seriesError'
import { timeSeriesOf, type TimeSeries } from '../../engine/import/series/timeSeries'
import { columnIndex, readCsvTable } from './csvTable'

export type SeriesKind = 'price' | 'fundamental'

export const TIME_COLUMNS = [
  'timestamp',
  'time',
  'datetime',
  'date',
  'open_time',
  'create_time',
  'startTime',
  'ts',
  't'
]

const VALUE_COLUMNS: Record<SeriesKind, readonly string[]> = {
  price: ['price', 'close', 'mark_price', 'last', 'value', 'p', 'c'],
  fundamental: [
    'fundamental',
    'fair_price',
    'index_price',
    'index',
    'spot',
    'value',
    'price',
    'close'
  ]
}

/** A first row of a timestamp and a number is data: the file has no header. */
const isDataRow = (cells: readonly string[]): boolean =>
  cells.length >= 2 && parseTimestamp(cells[0]) !== null && parseDecimal(cells[1]) !== null

/**
 * Reads a price path (`timestamp,price`, for replays) or a fundamental price series: header names
 * in any case and in the spellings exports use (`close`, `index_price`, `open_time`), or no header
 * at all (timestamp first, value second). Timestamps may be epoch seconds, milliseconds,
 * microseconds or ISO dates. Throws SeriesError naming every bad line.
 */
export function loadSeriesFile(path: string, kind: SeriesKind): TimeSeries {
  const what = kind === 'price' ? 'price path' : 'fundamental series'
  const table = readCsvTable(path, what, (first) => !isDataRow(first))
  let timeAt = 0
  let valueAt = 1
  if (table.header !== null) {
    timeAt = columnIndex(table.header, TIME_COLUMNS)
    valueAt = columnIndex(table.header, VALUE_COLUMNS[kind])
    const missing = [timeAt < 0 ? 'timestamp' : null, valueAt < 0 ? kind : null].filter(Boolean)
    if (missing.length > 0) {
      throw new SeriesError(
        `${what} ${path}: no ${missing.join(' and no ')} column (the header has: ${table.header.join(', ')})`
      )
    }
  }
  const records = table.rows.map(({ line, cells }) => ({
    line,
    time: cells[timeAt] ?? '',
    value: cells[valueAt] ?? ''
  }))
  return timeSeriesOf(records, `${what} ${path}`, kind)
}
