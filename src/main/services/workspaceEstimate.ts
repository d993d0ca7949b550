import { checkAssumptions } from '../../engine/estimate/estimateAssumptions'
import { EstimateError } from '../../engine/estimate/estimateError'
import { openInterestAtBars } from '../../engine/estimate/openInterestAtBars'
import { estimateFieldProblems } from '../../shared/estimateFieldProblems'
import { ESTIMATE_SNAPSHOT_VERSION, type EstimateSnapshot } from '../../shared/workspaceSnapshot'
import type { EstimateInputs } from './estimateInputs'
import { SnapshotError } from './workspaceSnapshotError'

/** An estimate's inputs as snapshot data, copied as the book's columns are (they are small). */
export function estimateSnapshot(inputs: EstimateInputs): EstimateSnapshot {
  const { candles, openInterest, assumptions, candlesName, openInterestName } = inputs
  return {
    version: ESTIMATE_SNAPSHOT_VERSION,
    candles: {
      times: candles.times.slice(),
      open: candles.open.slice(),
      high: candles.high.slice(),
      low: candles.low.slice(),
      close: candles.close.slice(),
      volume: candles.volume.slice(),
      takerBuyVolume: candles.takerBuyVolume.slice()
    },
    openInterest: {
      times: openInterest.times.slice(),
      openInterest: openInterest.openInterest.slice(),
      unit: openInterest.unit,
      symbol: openInterest.symbol
    },
    assumptions: structuredClone(assumptions),
    candlesName,
    openInterestName
  }
}

function requireSeries(
  what: string,
  columns: Record<string, Float64Array>,
  times: Float64Array
): void {
  if (times.length < 2)
    throw new SnapshotError(`${what}: needs at least two entries, has ${times.length}`)
  for (const [name, values] of Object.entries(columns))
    if (values.length !== times.length)
      throw new SnapshotError(
        `${what}: ${name} has ${values.length} entries where ${times.length} are needed`
      )
  for (let i = 0; i < times.length; i++)
    if (!Number.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1])))
      throw new SnapshotError(
        `${what} ${i}: time ${times[i]} must be finite and after the one before`
      )
}

/** Volumes are NaN where the file had none; present, they are what the file reader accepts. */
const isVolume = (value: number): boolean =>
  Number.isNaN(value) || (Number.isFinite(value) && value >= 0)

/**
 * The estimate a stored workspace kept, checked as the market file readers and the estimate form
 * check theirs: a stored one may come from a workspace file, whose checksum proves no damage,
 * not sense, and the band runs the inference on it again.
 */
export function estimateFromSnapshot(stored: EstimateSnapshot): EstimateInputs {
  const { candles, openInterest, assumptions } = stored
  const { times, ...candleColumns } = candles
  requireSeries('candle', candleColumns, times)
  for (let i = 0; i < times.length; i++) {
    const [open, high, low, close] = [
      candles.open[i],
      candles.high[i],
      candles.low[i],
      candles.close[i]
    ]
    if (!(
      low > 0 &&
      Number.isFinite(high) &&
      high >= Math.max(open, close) &&
      low <= Math.min(open, close)
    ))
      throw new SnapshotError(
        `candle ${i}: high ${high} and low ${low} must be finite, above 0 and enclose open ${open} and close ${close}`
      )
    if (!isVolume(candles.volume[i]) || !isVolume(candles.takerBuyVolume[i]))
      throw new SnapshotError(
        `candle ${i}: volume ${candles.volume[i]} and taker buy volume ${candles.takerBuyVolume[i]} must be finite numbers of 0 or more (or absent)`
      )
  }
  requireSeries(
    'open interest sample',
    { openInterest: openInterest.openInterest },
    openInterest.times
  )
  openInterest.openInterest.forEach((value, i) => {
    if (!(Number.isFinite(value) && value >= 0))
      throw new SnapshotError(
        `open interest sample ${i}: ${value} must be a finite number of 0 or more`
      )
  })
  const [problem] = Object.values(estimateFieldProblems(assumptions))
  if (problem !== undefined) throw new SnapshotError(`estimate assumptions: ${problem}`)
  try {
    checkAssumptions(assumptions)
    // The band needs the two series to meet; this says so now rather than when it is asked for.
    openInterestAtBars(candles, openInterest)
  } catch (error) {
    if (error instanceof EstimateError) throw new SnapshotError(`estimate: ${error.message}`)
    throw error
  }
  return {
    candles,
    openInterest,
    assumptions: structuredClone(assumptions),
    candlesName: stored.candlesName,
    openInterestName: stored.openInterestName
  }
}
