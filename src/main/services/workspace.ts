import type { ImpactSpec } from '../../engine/impact/createImpactModel'
import type { LendingPosition } from '../../engine/lending/lendingBook'
import type { EstimateInputs } from './estimateInputs'
import type { LiveBook } from './liveBook'

/** What the cockpit is looking at: a book with its risk, lending borrowers and liquidity models. */
export interface Workspace {
  name: string
  description: string
  source: string
  live: LiveBook
  lending: LendingPosition[]
  /** Liquidity model per underlying; the sample workspace's apply to any book on those markets. */
  impact: ReadonlyMap<string, ImpactSpec>
  /** Set when the book was estimated from market data: what the heatmap's band re-runs. */
  estimate?: EstimateInputs
}
