import { parseDecimal } from '../../engine/import/numberNotation'
import { badRowsError, SeriesError, type SeriesIssue } from '../../engine/import/series/seriesError'
import type { CandleSeries } from '../../engine/estimate/marketSeries'
import { columnIndex, readCsvTable } from './csvTable'
import { RowReader } from './rowReader'
import { TIME_COLUMNS } from './seriesFile'

interface CandleColumns {
  time: number
  open: number
  high: number
  low: number
  close: number
  volume: number
  takerBuy: number
  takerSell: number
}

/**
 * Binance's kline archives (data.binance.vision) and REST klines: open_time, open, high, low,
 * close, volume, close_time, quote_volume, count, taker_buy_volume, taker_buy_quote_volume,
 * ignore; older archives have no header row.
 */
const BINANCE_KLINE: CandleColumns = {
  time: 0,
  open: 1,
  high: 2,
  low: 3,
  close: 4,
  volume: 5,
  takerBuy: 9,
  takerSell: -1
}
/** Bybit's kline list and most vendors: start time, open, high, low, close, volume[, turnover]. */
const PLAIN_OHLCV: CandleColumns = {
  time: 0,
  open: 1,
  high: 2,
  low: 3,
  close: 4,
  volume: 5,
  takerBuy: -1,
  takerSell: -1
}

const isNumberRow = (cells: readonly string[]): boolean =>
  cells.length >= 5 && cells.every((cell) => cell === '' || parseDecimal(cell) !== null)

function namedColumns(header: readonly string[], path: string): CandleColumns {
  const columns: CandleColumns = {
    time: columnIndex(header, TIME_COLUMNS),
    open: columnIndex(header, ['open', 'o', 'open_price']),
    high: columnIndex(header, ['high', 'h', 'high_price']),
    low: columnIndex(header, ['low', 'l', 'low_price']),
    close: columnIndex(header, ['close', 'c', 'close_price']),
    volume: columnIndex(header, ['volume', 'v', 'vol', 'base_volume']),
    takerBuy: columnIndex(header, [
      'taker_buy_volume',
      'taker_buy_base_volume',
      'taker_buy_base_asset_volume',
      'buy_volume'
    ]),
    takerSell: columnIndex(header, ['taker_sell_volume', 'taker_sell_base_volume', 'sell_volume'])
  }
  const missing = (['time', 'open', 'high', 'low', 'close'] as const).filter(
    (name) => columns[name] < 0
  )
  if (missing.length > 0) {
    throw new SeriesError(
      `candles ${path}: no ${missing.join(', ')} column (the header has: ${header.join(', ')})`
    )
  }
  return columns
}

function checkRange(
  reader: RowReader,
  open: number,
  high: number,
  low: number,
  close: number
): void {
  if (!(low > 0)) reader.fail(`prices must be greater than 0, low is ${low}`)
  else if (!(high >= Math.max(open, close, low) && low <= Math.min(open, close)))
    reader.fail(`high ${high} and low ${low} must enclose open ${open} and close ${close}`)
}

/**
 * Reads price candles (Binance klines with or without header, Bybit klines, any OHLCV export):
 * taker buy volume when the file has it (the side split of new open interest), or taker buy and
 * sell volumes. Throws SeriesError naming every bad line.
 */
export function loadCandlesFile(path: string): CandleSeries {
  const table = readCsvTable(path, 'candles', (first) => !isNumberRow(first))
  const width = table.rows[0]?.cells.length ?? 0
  const columns = table.header
    ? namedColumns(table.header, path)
    : width >= 11
      ? BINANCE_KLINE
      : PLAIN_OHLCV
  const rows: number[][] = []
  const issues: SeriesIssue[] = []
  let lastTime = -Infinity
  for (const { line, cells } of table.rows) {
    const reader = new RowReader(cells, line)
    const time = reader.time(columns.time)
    const [open, high, low, close] = (['open', 'high', 'low', 'close'] as const).map((name) =>
      reader.number(columns[name], name)
    )
    const bought = reader.number(columns.takerBuy, 'taker buy volume', true)
    const sold = reader.number(columns.takerSell, 'taker sell volume', true)
    const volume =
      columns.takerSell >= 0 && columns.volume < 0
        ? bought + sold
        : reader.number(columns.volume, 'volume', true)
    if (reader.ok) checkRange(reader, open, high, low, close)
    if (reader.ok && !(time > lastTime))
      reader.fail(`timestamps must ascend: ${cells[columns.time]} is not after the row before`)
    issues.push(...reader.issues)
    if (!reader.ok) continue
    lastTime = time
    rows.push([time, open, high, low, close, volume, bought])
  }
  if (issues.length > 0) throw badRowsError(`candles ${path}`, issues)
  if (rows.length < 2)
    throw new SeriesError(`candles ${path}: needs at least two bars, got ${rows.length}`)
  const column = (k: number) => Float64Array.from(rows, (row) => row[k])
  return {
    times: column(0),
    open: column(1),
    high: column(2),
    low: column(3),
    close: column(4),
    volume: column(5),
    takerBuyVolume: column(6)
  }
}
