import type { Book } from '../../engine/book/columns'
import { createBookAssembler, type MaintenanceResolver } from '../../engine/import/bookAssembler'
import type { ImportSummary } from './importSummary'
import { resolveHeader } from '../../engine/import/positionColumns'
import { mapPositionRecord } from '../../engine/import/positionRecord'
import { importCsvFile } from './importCsvFile'
import type { ImportOptions } from './importOptions'

export interface PositionImportOptions extends ImportOptions {
  /** Whether a tier table covers the market; rows without `mmr` are rejected when it does not. */
  canResolveMaintenance?: MaintenanceResolver
}

export interface PositionImport {
  book: Book
  summary: ImportSummary
}

/**
 * Imports a canonical positions CSV straight into a columnar Book, streaming the file: no list of
 * row objects is kept. Rejected records, including those only the book can catch (duplicate ids,
 * inconsistent wallet balances), are in `summary.errors` with their physical line.
 */
export async function importPositionsFile(
  path: string,
  options: PositionImportOptions = {}
): Promise<PositionImport> {
  let assembler = createBookAssembler(options.canResolveMaintenance)
  const summary = await importCsvFile(path, options, (headerFields) => {
    const header = resolveHeader(headerFields)
    assembler = createBookAssembler(options.canResolveMaintenance)
    return {
      extraColumns: header.extra,
      take(fields, line) {
        const mapped = mapPositionRecord(fields, header, line)
        return mapped.ok ? assembler.add(mapped.row, line) : mapped.error
      }
    }
  })
  return { book: assembler.book, summary }
}
