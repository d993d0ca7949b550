import { ImportFileError } from '../../engine/import/importFileError'
import type { CandleSeries, OpenInterestSeries } from '../../engine/estimate/marketSeries'
import type { EstimateFile, EstimateFileRole } from '../../shared/estimateTypes'
import { loadCandlesFile } from '../marketData/candleFile'
import { loadOpenInterestFile } from '../marketData/openInterestFile'

/** A staged market file: where main keeps it, and what reading it gave. */
export interface StagedMarketFile {
  info: EstimateFile
  path: string
  /** Written by us from text the renderer sent, so ours to delete. */
  temporary: boolean
  series: CandleSeries | OpenInterestSeries | null
}

/** Messages name files as the user knows them, not the temporary copies main reads. */
const named = (message: string, path: string, name: string): string =>
  message.split(path).join(name)

/**
 * Reads a candles or open interest file whole (they are small: a bar or a sample a line) when it
 * is staged, so a bad file is reported by the file, every bad line named, before any estimate.
 */
export function readMarketFile(
  file: { fileId: string; role: EstimateFileRole; name: string; bytes: number; path: string },
  temporary: boolean
): StagedMarketFile {
  const info: EstimateFile = {
    fileId: file.fileId,
    role: file.role,
    name: file.name,
    bytes: file.bytes,
    rows: 0,
    from: null,
    to: null,
    takerFlow: false,
    unit: null,
    symbol: null,
    problem: null
  }
  try {
    if (file.role === 'candles') {
      const candles = loadCandlesFile(file.path)
      const times = candles.times
      Object.assign(info, {
        rows: times.length,
        from: times[0],
        to: times[times.length - 1],
        takerFlow: candles.takerBuyVolume.some((bought) => bought >= 0)
      })
      return { info, path: file.path, temporary, series: candles }
    }
    const openInterest = loadOpenInterestFile(file.path)
    const times = openInterest.times
    Object.assign(info, {
      rows: times.length,
      from: times[0],
      to: times[times.length - 1],
      unit: openInterest.unit,
      symbol: openInterest.symbol
    })
    return { info, path: file.path, temporary, series: openInterest }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error
    info.problem = named(error.message, file.path, file.name)
    return { info, path: file.path, temporary, series: null }
  }
}
