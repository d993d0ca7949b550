import type { PathBatch } from '../../engine/montecarlo/simulatePaths'
import type { HeatmapRecording } from '../../engine/timeline/timelineRun'
import type { TimelineBook } from '../../engine/timeline/timelineBook'
import type { TimelineInputs } from '../../engine/timeline/timelinePlan'
import type { BinnedTimeline } from '../services/scenarioRunView'

/**
 * Main thread to worker: a run to prepare, then batches of its paths; or one detailed timeline
 * run (path 0, every detail recorded). Every message carries its run's number, so answers to a
 * cancelled run that arrive late are recognised and dropped. A timeline run stops at the next
 * step once main sets `stop[0]` (shared memory: the worker is busy and reads no messages).
 */
export type ToWorker =
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
  | { kind: 'ready'; run: number }
  | { kind: 'batch'; run: number; batch: PathBatch }
  | { kind: 'timelineProgress'; run: number; stepsDone: number }
  | { kind: 'timeline'; run: number; binned: BinnedTimeline }
  | { kind: 'failed'; run: number; message: string }
