import type { MonteCarloSummary } from '../engine/montecarlo/summarizeMonteCarlo'
import type { PreparedTimeline } from '../engine/timeline/prepareTimeline'
import type { TimelineRun } from '../engine/timeline/timelineRun'
import type { LoadedBook } from './bookSource'

/** Everything `cascade run` reports, as text or JSON. */
export interface RunReport {
  loaded: LoadedBook
  prepared: PreparedTimeline
  run: TimelineRun
  /** Where the scenario came from: its file, or `preset NAME`. */
  source: string
  monteCarlo: { summary: MonteCarloSummary; workers: number; seconds: number } | null
  /** The market whose timeline table is printed, and a row per how many steps. */
  focus: number
  every: number
}
