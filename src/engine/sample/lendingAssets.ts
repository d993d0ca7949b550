export interface CollateralAsset {
  asset: string
  liquidationThreshold: number
  liquidationBonus: number
  /** Relative share of collateral legs. */
  weight: number
}

/** Aave v3 Ethereum parameters for the majors; the sample uses them on Compound v3 as well. */
export const SAMPLE_COLLATERAL: readonly CollateralAsset[] = [
  { asset: 'WETH', liquidationThreshold: 0.83, liquidationBonus: 0.05, weight: 5 },
  { asset: 'WBTC', liquidationThreshold: 0.78, liquidationBonus: 0.065, weight: 3 },
  { asset: 'wstETH', liquidationThreshold: 0.81, liquidationBonus: 0.06, weight: 3 }
]

export interface LendingProtocol {
  name: string
  /** Relative share of positions. */
  weight: number
  /** Compound v3 markets lend only their base asset. */
  debtAssets: readonly string[]
}

export const SAMPLE_PROTOCOLS: readonly LendingProtocol[] = [
  { name: 'aave-v3', weight: 7, debtAssets: ['USDC', 'USDT', 'DAI'] },
  { name: 'compound-v3', weight: 3, debtAssets: ['USDC', 'USDT'] }
]
