export interface ImportProgress {
  bytesRead: number
  totalBytes: number
  /** Data records read so far, header and blank lines excluded. */
  rowsRead: number
}

export interface ImportOptions {
  /** Aborting stops the read and rejects the import with ImportCancelledError. */
  signal?: AbortSignal
  /** Called about every 64 KiB or 10,000 rows, and once at the end. */
  onProgress?: (progress: ImportProgress) => void
}
