import type { PresetDetection } from '../../engine/import/mapping/detectPreset'
import type { RowError } from '../../engine/import/rowError'

/** Which mapping read the file, and how it was chosen. */
export interface MappingReport {
  /** The preset's name, `canonical`, or `custom`. */
  preset: string
  label: string
  /** Set when the preset was detected from the header (`auto`). */
  detection: PresetDetection | null
}

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
  /** Set when the file was read through a preset or mapping rather than the canonical layout. */
  mapping?: MappingReport
  /**
   * What the user should know beyond the rejected rows: fields the file lacks and where they
   * came from, damage found in the file (mixed encodings, a cut-off last line). Absent when empty.
   */
  notes?: string[]
}
