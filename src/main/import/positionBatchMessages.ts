import type { PositionBatch } from './positionBatch'

/** The hand-back reason for a file only a quote-aware parser reads: routine, not a failure. */
export const NOT_PLAIN = 'not plain'

/** Main thread to the import worker: the file to read. */
export interface BatchJob {
  path: string
  delimiter: string
  batchRows: number
}

/**
 * The import worker to main: the header record, then batches of records in file order, then
 * `done`; or `handBack` at any point, when main should read the file itself.
 */
export type FromBatchWorker =
  | { kind: 'header'; fields: string[]; line: number }
  | { kind: 'batch'; batch: PositionBatch }
  | { kind: 'done'; bytesRead: number }
  | { kind: 'handBack'; reason: string }
