import { parseDecimal } from '../numberNotation'
import { quoteValue } from '../quoteValue'
import { parseTimestamp } from './parseTimestamp'
import { SeriesError, badRowsError, type SeriesIssue } from './seriesError'

/** Values over time, ascending by time: a replayed price path, a fundamental price series. */
export interface TimeSeries {
  /** Milliseconds since the Unix epoch. */
  times: Float64Array
  values: Float64Array
  /** Seconds since the first row, the clock a scenario replays on. */
  seconds: Float64Array
}

/** One row as read from a file, cells still text; `line` is its physical line. */
export interface SeriesRecord {
  line: number
  time: string
  value: string
}

function readRow(record: SeriesRecord, label: string): { time: number; value: number } | string {
  const time = parseTimestamp(record.time)
  if (time === null)
    return `timestamp is not a date, time or epoch number: ${quoteValue(record.time)}`
  const value = parseDecimal(record.value.trim())
  if (value === null || !(value > 0))
    return `${label} must be a number greater than 0, got ${quoteValue(record.value)}`
  return { time, value }
}

/**
 * Validates a `timestamp,value` series: every row readable, values positive, timestamps strictly
 * ascending. Every bad row is reported by line (the first ten in the message), not just the first.
 */
export function timeSeriesOf(
  records: readonly SeriesRecord[],
  what: string,
  label: string
): TimeSeries {
  const times: number[] = []
  const values: number[] = []
  const issues: SeriesIssue[] = []
  let lastTime = -Infinity
  let lastLine = 0
  for (const record of records) {
    const row = readRow(record, label)
    if (typeof row === 'string') {
      issues.push({ line: record.line, reason: row })
      continue
    }
    if (!(row.time > lastTime)) {
      issues.push({
        line: record.line,
        reason: `timestamps must ascend: ${record.time.trim()} is not after line ${lastLine}`
      })
      continue
    }
    lastTime = row.time
    lastLine = record.line
    times.push(row.time)
    values.push(row.value)
  }
  if (issues.length > 0) throw badRowsError(what, issues)
  if (times.length < 2)
    throw new SeriesError(`${what}: needs at least two rows, got ${times.length}`)
  return {
    times: Float64Array.from(times),
    values: Float64Array.from(values),
    seconds: Float64Array.from(times, (time) => (time - times[0]) / 1000)
  }
}
