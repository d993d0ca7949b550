import { z } from 'zod'

/** A file chosen for import, kept in main: the renderer holds only its id, never a path to read. */
export interface StagedFile {
  fileId: string
  name: string
  bytes: number
}

/** Text of a file dropped on or picked in the renderer: browsers give contents, not paths. */
export const stageTextSchema = z.strictObject({
  name: z.string().min(1).max(260),
  text: z.string().max(256 * 1024 * 1024)
})

export const stagedFileSchema = z.strictObject({ fileId: z.string().min(1).max(64) })

export interface RowErrorDto {
  line: number
  column: string | null
  reason: string
}

/** How the header maps to the canonical columns, and what the first rows become. */
export interface ImportPreview {
  file: StagedFile
  delimiter: string
  columns: { header: string; field: string | null }[]
  /** Why the file cannot be imported at all (no header, a missing required column...). */
  problem: string | null
  rows: { line: number; cells: string[]; error: RowErrorDto | null }[]
}

export type ImportReport =
  | {
      status: 'imported'
      file: string
      delimiter: string
      read: number
      imported: number
      rejected: number
      extraColumns: string[]
      /** The first rejected rows; all of them are in the CSV export. */
      errors: RowErrorDto[]
      elapsedMs: number
    }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }

export interface RejectedRowsCsv {
  fileName: string
  csv: string
}
