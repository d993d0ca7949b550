import { EstimateError } from './estimateError'

/** A share of new positions opened at one leverage. */
export interface LeverageShare {
  leverage: number
  share: number
}

/**
 * Everything an estimated book assumes, in one editable, serialisable object: the book is only
 * as good as these, so they travel with it and are shown next to it.
 */
export interface EstimateAssumptions {
  symbol: string
  venue: string
  /** How new positions spread over leverage; shares sum to 1. */
  leverageMix: LeverageShare[]
  /**
   * How a bar's new open interest splits into longs and shorts: by the bar's taker buy share of
   * volume (aggressive buyers opened longs), or a fixed long share.
   */
  sideSplit:
    { kind: 'taker-flow'; fallbackLongShare: number } | { kind: 'fixed'; longShare: number }
  /** The price new positions of a bar opened at: the typical price (high+low+close)/3, the open or the close. */
  entryPrice: 'typical' | 'open' | 'close'
  /** The maintenance margin rate of every estimated position. */
  maintenanceRate: number
  /** Drop positions whose liquidation price a later bar's range crossed. */
  dropLiquidated: boolean
}

/** Three leverage mixes spanning what public liquidation heatmaps assume, from cautious to reckless. */
export const LEVERAGE_MIXES: Readonly<Record<'low' | 'mid' | 'high', LeverageShare[]>> = {
  low: [
    { leverage: 2, share: 0.25 },
    { leverage: 3, share: 0.25 },
    { leverage: 5, share: 0.3 },
    { leverage: 10, share: 0.2 }
  ],
  mid: [
    { leverage: 5, share: 0.2 },
    { leverage: 10, share: 0.35 },
    { leverage: 25, share: 0.3 },
    { leverage: 50, share: 0.15 }
  ],
  high: [
    { leverage: 10, share: 0.2 },
    { leverage: 25, share: 0.3 },
    { leverage: 50, share: 0.3 },
    { leverage: 100, share: 0.2 }
  ]
}

export const DEFAULT_ASSUMPTIONS: EstimateAssumptions = {
  symbol: 'BTCUSDT',
  venue: 'estimated',
  leverageMix: LEVERAGE_MIXES.mid,
  sideSplit: { kind: 'taker-flow', fallbackLongShare: 0.5 },
  entryPrice: 'typical',
  maintenanceRate: 0.005,
  dropLiquidated: true
}

const SHARE_TOLERANCE = 1e-6

const isShare = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1

/** Throws EstimateError naming the first assumption that cannot hold. */
export function checkAssumptions(assumptions: EstimateAssumptions): void {
  const { leverageMix, sideSplit, maintenanceRate } = assumptions
  if (leverageMix.length === 0) throw new EstimateError('the leverage mix is empty')
  for (const { leverage, share } of leverageMix) {
    if (!(Number.isFinite(leverage) && leverage >= 1 && leverage <= 1000))
      throw new EstimateError(`leverage ${leverage} must lie between 1 and 1000`)
    if (!isShare(share))
      throw new EstimateError(`the share of ${leverage}x must lie in [0, 1], got ${share}`)
  }
  const total = leverageMix.reduce((sum, { share }) => sum + share, 0)
  if (Math.abs(total - 1) > SHARE_TOLERANCE)
    throw new EstimateError(`the leverage mix's shares sum to ${total}, not 1`)
  const longShare = sideSplit.kind === 'fixed' ? sideSplit.longShare : sideSplit.fallbackLongShare
  if (!isShare(longShare))
    throw new EstimateError(`the long share must lie in [0, 1], got ${longShare}`)
  if (!(maintenanceRate >= 0 && maintenanceRate < 0.5))
    throw new EstimateError(`the maintenance rate must lie in [0, 0.5), got ${maintenanceRate}`)
  const lowest = Math.min(...leverageMix.map(({ leverage }) => leverage))
  if (maintenanceRate >= 1 / lowest)
    throw new EstimateError(
      `a maintenance rate of ${maintenanceRate} liquidates ${lowest}x positions at entry`
    )
}
