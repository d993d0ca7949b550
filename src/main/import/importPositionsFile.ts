import type { Book } from '../../engine/book/columns'
import { createBookAssembler, type MaintenanceResolver } from '../../engine/import/bookAssembler'
import { chooseMapping } from '../../engine/import/mapping/chooseMapping'
import {
  DEFAULT_MISSING_FIELD_HINT,
  explainRowError
} from '../../engine/import/mapping/explainRowError'
import { mapPositionThroughMapping } from '../../engine/import/mapping/mappedRows'
import { mappingNotes } from '../../engine/import/mapping/mappingNotes'
import { resolveColumnMapping } from '../../engine/import/mapping/resolveColumnMapping'
import { POSITION_FIELDS, resolveHeader } from '../../engine/import/positionColumns'
import { mapPositionRecord } from '../../engine/import/positionRecord'
import { importCsvFile, type RecordSink } from './importCsvFile'
import { createPlainRowReader } from './plainPositionReader'
import { workerPositionRecords } from './workerPositionRecords'
import type { ImportOptions } from './importOptions'
import type { ImportSummary } from './importSummary'
import type { MappingOptions } from './mappingOptions'
import { sourceName } from './sourceName'

export interface PositionImportOptions extends ImportOptions, MappingOptions {
  /** Whether a tier table covers the market; rows without `mmr` are rejected when it does not. */
  canResolveMaintenance?: MaintenanceResolver
  /**
   * Canonical files of at least this many bytes are read on a worker thread while main builds
   * the book (default 8 MiB when compiled, never when run from TypeScript source); Infinity
   * reads every file on the calling thread.
   */
  workerFromBytes?: number
}

export interface PositionImport {
  book: Book
  summary: ImportSummary
  /** The physical line of each position of the book, by index. */
  lines: readonly number[]
}

type Assembler = ReturnType<typeof createBookAssembler>

/** The canonical layout, read as before any mapping existed: the fast path. */
function canonicalSink(header: readonly string[], assembler: Assembler): RecordSink {
  const resolved = resolveHeader(header)
  const readPlain = createPlainRowReader(resolved)
  const take = (fields: readonly string[], line: number) => {
    const mapped = mapPositionRecord(fields, resolved, line)
    return mapped.ok ? assembler.add(mapped.row, line) : mapped.error
  }
  return {
    extraColumns: resolved.extra,
    take,
    takePlain(record, line) {
      const row = readPlain(record)
      return row ? assembler.add(row, line) : take(record.fields(), line)
    },
    takeRead: (positions, index, line) => assembler.addRead(positions, index, line)
  }
}

function openPositionSink(
  header: readonly string[],
  assembler: Assembler,
  path: string,
  options: PositionImportOptions
): RecordSink {
  const choice = chooseMapping(header, 'positions', options)
  const report = { preset: choice.preset, label: choice.label, detection: choice.detection }
  if (choice.mapping === null) {
    const sink = canonicalSink(header, assembler)
    return choice.detection ? { ...sink, mapping: report } : sink
  }
  const hint = options.missingFieldHint ?? DEFAULT_MISSING_FIELD_HINT
  const resolved = resolveColumnMapping(
    header,
    choice.mapping,
    options.sourceName ?? sourceName(path)
  )
  return {
    extraColumns: resolved.extra,
    mapping: report,
    notes: [...mappingNotes(resolved, POSITION_FIELDS, 'positions', hint), ...choice.notes],
    take(fields, line) {
      const mapped = mapPositionThroughMapping(fields, resolved, line)
      const error = mapped.ok ? assembler.add(mapped.row, line) : mapped.error
      return error && explainRowError(error, resolved, hint)
    }
  }
}

/**
 * Imports a positions CSV straight into a columnar Book, streaming the file: no list of row
 * objects is kept. The file is read in the canonical layout, or through a preset (`auto` detects
 * one from the header) or a mapping of the user's own. Rejected records, including those only the
 * book can catch (duplicate ids, inconsistent wallet balances), are in `summary.errors` with their
 * physical line.
 */
export async function importPositionsFile(
  path: string,
  options: PositionImportOptions = {}
): Promise<PositionImport> {
  let assembler = createBookAssembler(options.canResolveMaintenance)
  const summary = await importCsvFile(
    path,
    options,
    (header, estimatedRows) => {
      // Room for a few more rows than the estimate, so a slightly longer file does not regrow.
      const capacity = Math.ceil(estimatedRows * 1.05) + 16
      assembler = createBookAssembler(options.canResolveMaintenance, undefined, capacity)
      return openPositionSink(header, assembler, path, options)
    },
    workerPositionRecords(options.workerFromBytes)
  )
  return { book: assembler.book, summary, lines: assembler.lines }
}
