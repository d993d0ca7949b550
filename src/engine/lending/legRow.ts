export type LegRole = 'collateral' | 'debt'

/**
 * One leg of a lending position (Aave/Compound style). The position is the set of legs that share
 * `account` and `protocol`. Amounts are in units of `asset`; prices come from the market input.
 */
export interface LendingLegRow {
  account: string
  protocol: string
  asset: string
  role: LegRole
  amount: number
  /** Fraction, e.g. 0.825. Required on collateral legs; ignored on debt legs. */
  liquidationThreshold: number | null
  /** Fraction, e.g. 0.05 for a 5% bonus. Required on collateral legs. */
  liquidationBonus: number | null
}
