import type { ImportSummary } from './importSummary'
import { resolveLendingHeader } from '../../engine/import/lendingColumns'
import { mapLendingRecord } from '../../engine/import/lendingRecord'
import type { LendingLegRow } from '../../engine/lending/legRow'
import { importCsvFile } from './importCsvFile'
import type { ImportOptions } from './importOptions'

export interface LendingImport {
  legs: LendingLegRow[]
  summary: ImportSummary
}

/** Imports a lending legs CSV (Aave/Compound style), with the same rules as positions. */
export async function importLendingFile(
  path: string,
  options: ImportOptions = {}
): Promise<LendingImport> {
  let legs: LendingLegRow[] = []
  const summary = await importCsvFile(path, options, (headerFields) => {
    const header = resolveLendingHeader(headerFields)
    legs = []
    return {
      extraColumns: header.extra,
      take(fields, line) {
        const mapped = mapLendingRecord(fields, header, line)
        if (!mapped.ok) return mapped.error
        legs.push(mapped.row)
        return null
      }
    }
  })
  return { legs, summary }
}
