/** Price candles, ascending by open time. Optional columns are NaN where the file has none. */
export interface CandleSeries {
  /** Bar open times, milliseconds since the Unix epoch. */
  times: Float64Array
  open: Float64Array
  high: Float64Array
  low: Float64Array
  close: Float64Array
  /** Base volume traded in the bar. */
  volume: Float64Array
  /** Base volume bought by takers (aggressive buyers) in the bar. */
  takerBuyVolume: Float64Array
}

/**
 * Open interest over time, ascending: in base units (contracts of one coin) or in quote value,
 * which moves with the price even when no position opens or closes.
 */
export interface OpenInterestSeries {
  times: Float64Array
  openInterest: Float64Array
  unit: 'base' | 'quote'
  /** The market the file names (Binance's metrics carry a symbol column), if it does. */
  symbol: string | null
}
