import type { PathBatch } from '../../engine/montecarlo/simulatePaths'
import type { TimelineBook } from '../../engine/timeline/timelineBook'
import type { TimelineInputs } from '../../engine/timeline/timelinePlan'

/**
 * Main thread to worker: a run to prepare, then batches of its paths. Every message carries its
 * run's number, so answers to a cancelled run that arrive late are recognised and dropped.
 */
export type ToWorker =
  | { kind: 'load'; run: number; book: TimelineBook; inputs: TimelineInputs }
  | { kind: 'paths'; run: number; from: number; count: number }

/** Worker to main thread. `started` comes once, when the worker's code has loaded. */
export type FromWorker =
  | { kind: 'started' }
  | { kind: 'ready'; run: number }
  | { kind: 'batch'; run: number; batch: PathBatch }
  | { kind: 'failed'; run: number; message: string }
