import type { RowError } from '../../engine/import/rowError'

/** What an import did. Always `read = imported + rejected`, and one error per rejected record. */
export interface ImportSummary {
  file: string
  delimiter: string
  /** Data records after the header; blank lines are neither records nor counted. */
  read: number
  imported: number
  rejected: number
  errors: RowError[]
  /** Columns the layout does not know: kept on positions, ignored on lending legs. */
  extraColumns: string[]
}
