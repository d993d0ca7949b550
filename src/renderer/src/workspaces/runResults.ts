import type { HeatmapBins } from '../../../shared/heatmapTypes'
import type { ImpactChoice } from '../../../shared/impactChoice'
import type { CascadeResult, SweepResult } from '../../../shared/simulationTypes'

/** The cockpit's last run as a workspace keeps it: what was asked, and what came back. */
export interface RunResults {
  underlying: string
  shock: number
  impact: ImpactChoice
  criticalMove: number
  result: CascadeResult | null
  sweep: SweepResult | null
  heatmap: HeatmapBins | null
}

export const RUN_RESULTS_PART = 'runResults'
