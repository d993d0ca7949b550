import type { PositionRow } from '../../book/positionRow'
import type { LendingLegRow } from '../../lending/legRow'
import type { RowError } from '../rowError'
import type { ColumnMapping } from './columnMapping'
import {
  DEFAULT_MISSING_FIELD_HINT,
  explainRowError,
  type MissingFieldHint
} from './explainRowError'
import { mapLendingThroughMapping, mapPositionThroughMapping } from './mappedRows'
import { mappingNotes } from './mappingNotes'
import { LENDING_FIELDS } from '../lendingColumns'
import { POSITION_FIELDS } from '../positionColumns'
import { resolveColumnMapping } from './resolveColumnMapping'

export interface MappingPreview {
  /** Each header column and the fields read from it (none: kept as an extra column). */
  columns: { header: string; fields: string[] }[]
  rows: {
    line: number
    cells: readonly string[]
    result: PositionRow | LendingLegRow[] | null
    error: RowError | null
  }[]
  notes: string[]
}

/**
 * What a mapping makes of a file's first records, for a mapping editor to show while the user
 * edits: which fields each column feeds, each record's result or reason, and what the file lacks.
 * Throws ImportFileError when the mapping cannot read this header at all.
 */
export function previewMapping(
  header: readonly string[],
  records: readonly { line: number; cells: readonly string[] }[],
  mapping: ColumnMapping,
  source: string,
  hint: MissingFieldHint = DEFAULT_MISSING_FIELD_HINT
): MappingPreview {
  const resolved = resolveColumnMapping(header, mapping, source)
  const columns = header.map((name) => ({ header: name, fields: [] as string[] }))
  for (const [field, rule] of resolved.rules) {
    for (let r: typeof rule | null = rule; r !== null; r = r.otherwise)
      if (r.index >= 0) columns[r.index].fields.push(field)
  }
  const rows = records.map(({ line, cells }) => {
    const mapped =
      mapping.target === 'positions'
        ? mapPositionThroughMapping(cells, resolved, line)
        : mapLendingThroughMapping(cells, resolved, line, mapping.legs !== undefined)
    return mapped.ok
      ? { line, cells, result: mapped.row, error: null }
      : { line, cells, result: null, error: explainRowError(mapped.error, resolved, hint) }
  })
  const fields = mapping.target === 'positions' ? POSITION_FIELDS : LENDING_FIELDS
  return { columns, rows, notes: mappingNotes(resolved, fields, mapping.target, hint) }
}
