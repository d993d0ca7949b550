import type { ImpactDefaults } from './impactChoice'

export interface MarketInfo {
  underlying: string
  price: number
  positions: number
  longNotional: number
  shortNotional: number
  impact: ImpactDefaults
}

export interface WorkspaceInfo {
  name: string
  description: string
  /** Where the book came from: the built-in sample, or an imported file's name. */
  source: string
  version: number
  positions: number
  lendingPositions: number
  /** Most open interest first. */
  markets: MarketInfo[]
}
