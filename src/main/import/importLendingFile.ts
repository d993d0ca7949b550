import { resolveLendingHeader } from '../../engine/import/lendingColumns'
import { mapLendingRecord } from '../../engine/import/lendingRecord'
import { chooseMapping } from '../../engine/import/mapping/chooseMapping'
import {
  DEFAULT_MISSING_FIELD_HINT,
  explainRowError
} from '../../engine/import/mapping/explainRowError'
import { mapLendingThroughMapping } from '../../engine/import/mapping/mappedRows'
import { mappingNotes } from '../../engine/import/mapping/mappingNotes'
import { resolveColumnMapping } from '../../engine/import/mapping/resolveColumnMapping'
import { LENDING_FIELDS } from '../../engine/import/lendingColumns'
import type { LendingLegRow } from '../../engine/lending/legRow'
import { importCsvFile, type RecordSink } from './importCsvFile'
import type { ImportOptions } from './importOptions'
import type { ImportSummary } from './importSummary'
import type { MappingOptions } from './mappingOptions'
import { sourceName } from './sourceName'

export interface LendingImport {
  legs: LendingLegRow[]
  summary: ImportSummary
}

export type LendingImportOptions = ImportOptions & MappingOptions

function openLendingSink(
  header: readonly string[],
  legs: LendingLegRow[],
  path: string,
  options: LendingImportOptions
): RecordSink {
  const choice = chooseMapping(header, 'lending', options)
  const report = { preset: choice.preset, label: choice.label, detection: choice.detection }
  if (choice.mapping === null) {
    const resolved = resolveLendingHeader(header)
    return {
      extraColumns: resolved.extra,
      ...(choice.detection ? { mapping: report } : {}),
      take(fields, line) {
        const mapped = mapLendingRecord(fields, resolved, line)
        if (!mapped.ok) return mapped.error
        legs.push(mapped.row)
        return null
      }
    }
  }
  const mapping = choice.mapping
  const hint = options.missingFieldHint ?? DEFAULT_MISSING_FIELD_HINT
  const resolved = resolveColumnMapping(header, mapping, options.sourceName ?? sourceName(path))
  const accountExport = mapping.target === 'lending' && mapping.legs !== undefined
  return {
    extraColumns: resolved.extra,
    mapping: report,
    notes: [...mappingNotes(resolved, LENDING_FIELDS, 'lending', hint), ...choice.notes],
    take(fields, line) {
      const mapped = mapLendingThroughMapping(fields, resolved, line, accountExport)
      if (!mapped.ok) return explainRowError(mapped.error, resolved, hint)
      legs.push(...mapped.row)
      return null
    }
  }
}

/**
 * Imports a lending legs CSV (Aave/Compound style), with the same rules as positions: the
 * canonical layout, a preset (`auto` detects one) or a mapping of the user's own. An account
 * export's row can hold two legs (supplied and borrowed): rows are what `read`, `imported` and
 * `rejected` count, `legs` holds every leg.
 */
export async function importLendingFile(
  path: string,
  options: LendingImportOptions = {}
): Promise<LendingImport> {
  let legs: LendingLegRow[] = []
  const summary = await importCsvFile(path, options, (header) => {
    legs = []
    return openLendingSink(header, legs, path, options)
  })
  return { legs, summary }
}
