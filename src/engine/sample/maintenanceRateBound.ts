import type { SampleInstrument } from './sampleInstruments'

/**
 * An upper bound on the venue's maintenance rate for a position of this USD notional. Real tier
 * tables are flat at small sizes and climb in steps for whales; a square-root curve through the
 * first tier stays above those steps over the sizes the sample draws.
 */
export function maintenanceRateBound(instrument: SampleInstrument, notionalUsd: number): number {
  const growth = Math.sqrt(notionalUsd / instrument.maintenanceRiseNotional)
  return instrument.maintenanceRate * Math.max(1, growth)
}
