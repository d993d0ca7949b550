import type { Random } from '../math/random'
import { maintenanceRateBound } from './maintenanceRateBound'
import type { SampleInstrument } from './sampleInstruments'

const POSITION_LEVERAGES = [2, 3, 5, 10, 15, 20, 25, 50, 75, 100]
const POSITION_LEVERAGE_WEIGHTS = [5, 6, 10, 16, 14, 17, 12, 10, 5, 5]

/** Effective leverage of whole cross accounts, lower than the per-position settings. */
const ACCOUNT_LEVERAGES = [1.5, 2, 3, 5, 8, 12, 20]
const ACCOUNT_LEVERAGE_WEIGHTS = [6, 10, 18, 24, 20, 14, 8]

/**
 * Venues allow at most 1/(2*mmr) at a size (Binance's brackets, Hyperliquid's rule), so whales
 * get less leverage than minnows.
 */
export function leverageCap(instrument: SampleInstrument, notionalUsd: number): number {
  const sizeCap = Math.floor(1 / (2 * maintenanceRateBound(instrument, notionalUsd)))
  return Math.max(2, Math.min(instrument.maxLeverage, sizeCap))
}

export function drawPositionLeverage(random: Random, cap: number): number {
  return Math.min(POSITION_LEVERAGES[random.weighted(POSITION_LEVERAGE_WEIGHTS)], cap)
}

export function drawAccountLeverage(random: Random): number {
  return ACCOUNT_LEVERAGES[random.weighted(ACCOUNT_LEVERAGE_WEIGHTS)]
}
