import type { PathBatch } from '../../engine/montecarlo/simulatePaths'
import type { PreparedTimeline } from '../../engine/timeline/prepareTimeline'
import type { Scenario } from '../../engine/timeline/scenarioSchema'
import type { HeatmapRecording } from '../../engine/timeline/timelineRun'
import type { TimelineBook } from '../../engine/timeline/timelineBook'
import type { TimelineInputs } from '../../engine/timeline/timelinePlan'
import type { BinnedTimeline } from '../services/scenarioRunView'
import type { PostedSource } from './postedBook'

/**
 * A prepared timeline as it comes back: without the plan (its impact models are functions; main
 * compiles it in milliseconds) and the liquidation table (main needs none of it, and a million
 * positions' cross groups cost main ~0.3 s to receive).
 */
export type PreparedData = Omit<PreparedTimeline, 'plan' | 'table'>

/**
 * Main thread to worker: a scenario to prepare against a book (liquidation prices, ladders and
 * timeline book, the work of seconds on a large book, off main's event loop); a run to load, then batches of its paths; or one detailed timeline
 * run (path 0, every detail recorded). Every message carries its run's number, so answers to a
 * cancelled run that arrive late are recognised and dropped. A timeline run stops at the next
 * step once main sets `stop[0]` (shared memory: the worker is busy and reads no messages).
 */
export type ToWorker =
  | { kind: 'prepare'; run: number; scenario: Scenario; source: PostedSource }
  | { kind: 'load'; run: number; book: TimelineBook; inputs: TimelineInputs }
  | { kind: 'paths'; run: number; from: number; count: number }
  | {
      kind: 'timeline'
      run: number
      book: TimelineBook
      inputs: TimelineInputs
      heatmap: HeatmapRecording
      stop: Int32Array
    }

/** Worker to main thread. `started` comes once, when the worker's code has loaded. */
export type FromWorker =
  | { kind: 'started' }
  | { kind: 'prepared'; run: number; prepared: PreparedData }
  | { kind: 'ready'; run: number }
  | { kind: 'batch'; run: number; batch: PathBatch }
  | { kind: 'timelineProgress'; run: number; stepsDone: number }
  | { kind: 'timeline'; run: number; binned: BinnedTimeline }
  /** `expected`: the scenario does not fit the book, and `message` says why in words. */
  | { kind: 'failed'; run: number; message: string; expected?: boolean }
