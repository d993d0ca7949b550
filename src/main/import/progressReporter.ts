import type { ImportProgress } from './importOptions'

const BYTES_BETWEEN_REPORTS = 64 * 1024
const ROWS_BETWEEN_REPORTS = 10_000

export interface ProgressReporter {
  /** Reports when 64 KiB or 10,000 rows have passed since the last report. */
  update(bytesRead: number, rowsRead: number): void
  finish(bytesRead: number, rowsRead: number): void
}

/** Throttles progress so a million-row import sends a few thousand events, not a million. */
export function createProgressReporter(
  totalBytes: number,
  onProgress?: (progress: ImportProgress) => void
): ProgressReporter {
  let reportedBytes = 0
  let reportedRows = 0
  return {
    update(bytesRead, rowsRead) {
      if (!onProgress) return
      const due =
        bytesRead - reportedBytes >= BYTES_BETWEEN_REPORTS ||
        rowsRead - reportedRows >= ROWS_BETWEEN_REPORTS
      if (!due) return
      reportedBytes = bytesRead
      reportedRows = rowsRead
      onProgress({ bytesRead, totalBytes, rowsRead })
    },
    finish(bytesRead, rowsRead) {
      onProgress?.({ bytesRead, totalBytes, rowsRead })
    }
  }
}
