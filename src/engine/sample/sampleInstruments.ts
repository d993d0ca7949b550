import type { ContractKind } from '../book/positionRow'

/**
 * A venue/symbol pair the sample book trades. Only pairs with a tier table under resources/tiers
 * appear, plus venue 'generic', whose rows carry an explicit maintenance rate instead.
 *
 * The generator cannot read the tier tables (the engine does no I/O), so each pair carries a
 * conservative bound on them: `maintenanceRate` at small sizes, rising with the square root of
 * notional beyond `maintenanceRiseNotional`. The sample tests check the bound against every
 * tier file; replace a table with a stricter one and they say which pair to retune.
 */
export interface SampleInstrument {
  venue: string
  symbol: string
  contract: ContractKind
  /** Relative share of all sample positions. */
  weight: number
  /** Probability that a position on this pair is long. */
  longShare: number
  tickSize: number
  /** Quantity increment of `size`: base units for linear contracts, the USD contract value for inverse. */
  sizeStep: number
  maxLeverage: number
  /** The first tier's rate (Hyperliquid: half the initial margin at max leverage). */
  maintenanceRate: number
  /**
   * USD notional from which the bound rises; Infinity where the rate is flat over sample sizes.
   * For a table counted in size (OKX), the notional of its size floors at the sample's mark price.
   */
  maintenanceRiseNotional: number
  /** Rows give `mmr` themselves because the venue has no tier table. */
  explicitMmr: boolean
}

const linear = { contract: 'linear', explicitMmr: false } as const
const inverse = { contract: 'inverse', explicitMmr: false } as const
const generic = { venue: 'generic', contract: 'linear', explicitMmr: true } as const
const flat = Infinity

export const SAMPLE_INSTRUMENTS: readonly SampleInstrument[] = [
  {
    ...linear,
    venue: 'binance',
    symbol: 'BTCUSDT',
    weight: 22,
    longShare: 0.62,
    tickSize: 0.1,
    sizeStep: 0.001,
    maxLeverage: 125,
    maintenanceRate: 0.004,
    maintenanceRiseNotional: 30_000
  },
  {
    ...linear,
    venue: 'binance',
    symbol: 'ETHUSDT',
    weight: 11,
    longShare: 0.6,
    tickSize: 0.01,
    sizeStep: 0.001,
    maxLeverage: 100,
    maintenanceRate: 0.005,
    maintenanceRiseNotional: 55_000
  },
  {
    ...linear,
    venue: 'binance',
    symbol: 'LTCUSDT',
    weight: 2,
    longShare: 0.57,
    tickSize: 0.01,
    sizeStep: 0.001,
    maxLeverage: 75,
    maintenanceRate: 0.0065,
    maintenanceRiseNotional: 4_000
  },
  {
    ...inverse,
    venue: 'binance',
    symbol: 'BTCUSD_PERP',
    weight: 5,
    longShare: 0.55,
    tickSize: 0.1,
    sizeStep: 100,
    maxLeverage: 125,
    maintenanceRate: 0.004,
    maintenanceRiseNotional: 9_500
  },
  {
    ...linear,
    venue: 'bybit',
    symbol: 'BTCUSDT',
    weight: 12,
    longShare: 0.63,
    tickSize: 0.1,
    sizeStep: 0.001,
    maxLeverage: 100,
    maintenanceRate: 0.005,
    maintenanceRiseNotional: 250_000
  },
  {
    ...linear,
    venue: 'bybit',
    symbol: 'ETHUSDT',
    weight: 6,
    longShare: 0.61,
    tickSize: 0.01,
    sizeStep: 0.01,
    maxLeverage: 100,
    maintenanceRate: 0.005,
    maintenanceRiseNotional: 125_000
  },
  {
    ...inverse,
    venue: 'bybit',
    symbol: 'BTCUSD',
    weight: 3,
    longShare: 0.56,
    tickSize: 0.5,
    sizeStep: 1,
    maxLeverage: 100,
    maintenanceRate: 0.005,
    maintenanceRiseNotional: 950_000
  },
  {
    ...linear,
    venue: 'okx',
    symbol: 'BTC-USDT-SWAP',
    weight: 9,
    longShare: 0.6,
    tickSize: 0.1,
    sizeStep: 0.001,
    maxLeverage: 100,
    maintenanceRate: 0.004,
    maintenanceRiseNotional: 120_000
  },
  {
    ...linear,
    venue: 'okx',
    symbol: 'ETH-USDT-SWAP',
    weight: 5,
    longShare: 0.59,
    tickSize: 0.01,
    sizeStep: 0.01,
    maxLeverage: 100,
    maintenanceRate: 0.004,
    maintenanceRiseNotional: 175_000
  },
  {
    ...linear,
    venue: 'hyperliquid',
    symbol: 'BTC',
    weight: 10,
    longShare: 0.64,
    tickSize: 1,
    sizeStep: 0.00001,
    maxLeverage: 40,
    maintenanceRate: 0.0125,
    maintenanceRiseNotional: flat
  },
  {
    ...linear,
    venue: 'hyperliquid',
    symbol: 'ETH',
    weight: 6,
    longShare: 0.62,
    tickSize: 0.1,
    sizeStep: 0.0001,
    maxLeverage: 25,
    maintenanceRate: 0.02,
    maintenanceRiseNotional: flat
  },
  {
    ...linear,
    venue: 'hyperliquid',
    symbol: 'SOL',
    weight: 6,
    longShare: 0.66,
    tickSize: 0.01,
    sizeStep: 0.01,
    maxLeverage: 20,
    maintenanceRate: 0.025,
    maintenanceRiseNotional: flat
  },
  {
    ...generic,
    symbol: 'BTCUSDT',
    weight: 1,
    longShare: 0.6,
    tickSize: 0.1,
    sizeStep: 0.001,
    maxLeverage: 100,
    maintenanceRate: 0.005,
    maintenanceRiseNotional: flat
  },
  {
    ...generic,
    symbol: 'ETHUSDT',
    weight: 0.6,
    longShare: 0.6,
    tickSize: 0.01,
    sizeStep: 0.001,
    maxLeverage: 100,
    maintenanceRate: 0.005,
    maintenanceRiseNotional: flat
  },
  {
    ...generic,
    symbol: 'SOLUSDT',
    weight: 0.4,
    longShare: 0.62,
    tickSize: 0.01,
    sizeStep: 0.01,
    maxLeverage: 50,
    maintenanceRate: 0.01,
    maintenanceRiseNotional: flat
  }
]
