import { ImportFileError } from '../../engine/import/importFileError'
import type { ReadPositions } from '../../engine/book/readPositions'
import type { RowError } from '../../engine/import/rowError'
import { fileError } from './fileError'
import { ImportCancelledError } from './importCancelledError'
import type { ImportOptions } from './importOptions'
import { FileDamage } from './fileDamage'
import type { ImportSummary, MappingReport } from './importSummary'
import { createProgressReporter } from './progressReporter'
import type { CsvRecordReader, PlainFields } from './csvRecord'
import { fastCsvRecords, NeedsStrictParser } from './fastCsvRecords'
import { NotPlainCsv } from './notPlainCsv'
import { plainCsvRecords } from './plainCsvRecords'
import { sniffCsvFile, type CsvFileFacts } from './sniffCsvFile'
import { streamCsvRecords, type CsvRecordHandler, type CsvStreamOptions } from './streamCsvRecords'

/** Takes the data records of one file, once its header row is known. */
export interface RecordSink {
  extraColumns: readonly string[]
  /** Set when the file is read through a preset or mapping. */
  mapping?: MappingReport
  /** What the user should know about how the file is read (fields it lacks, ...). */
  notes?: readonly string[]
  /** Keeps the record, or returns why it was rejected. */
  take(fields: readonly string[], line: number): RowError | null
  /** `take` for a record the plain reader split, read from its bytes; `take` is used when absent. */
  takePlain?(record: PlainFields, line: number): RowError | null
  /** Keeps a record a reader already read as a position; only such sinks can use those readers. */
  takeRead?(positions: ReadPositions, index: number, line: number): RowError | null
}

/**
 * Reads the header row into a sink; throws ImportFileError when the header is unusable.
 * `estimatedRows` (from the file's size) lets a sink size its storage up front.
 */
export type SinkOpener = (header: readonly string[], estimatedRows: number) => RecordSink

/** A header that reads as one column is most often a file split by another delimiter. */
const ONE_COLUMN_HINT =
  ' (the header reads as a single column: is the file delimited by something other than comma, semicolon, tab or |?)'

function openSink(
  path: string,
  open: SinkOpener,
  header: readonly string[],
  estimatedRows: number
): RecordSink {
  try {
    return open(header, estimatedRows)
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error
    throw fileError(path, `${error.message}${header.length === 1 ? ONE_COLUMN_HINT : ''}`)
  }
}

/** A book holds this many rows before memory, not the user, decides when the import ends. */
export const MAX_IMPORT_ROWS = 10_000_000

function refuseOversized(path: string, { totalBytes, estimatedRows }: CsvFileFacts): void {
  if (estimatedRows <= MAX_IMPORT_ROWS) return
  const gigabytes = (totalBytes / 1024 ** 3).toFixed(1)
  const millions = Math.round(estimatedRows / 1e6)
  throw fileError(
    path,
    `is ${gigabytes} GiB, about ${millions} million rows: more than the ${MAX_IMPORT_ROWS / 1e6} million rows a book holds; split the file or filter it first (by venue or symbol)`
  )
}

function refuseTooMany(path: string): never {
  throw fileError(
    path,
    `has more than ${MAX_IMPORT_ROWS / 1e6} million rows, more than a book holds; split the file`
  )
}

/** A way of reading a file's records; each hands the import loop the same records. */
export type RecordStream = (
  path: string,
  options: CsvStreamOptions,
  onRecord: CsvRecordReader
) => Promise<number>

/** A reader that hands over decoded fields, as one that hands over records. */
function ofFields(
  stream: (path: string, options: CsvStreamOptions, onRecord: CsvRecordHandler) => Promise<number>
): RecordStream {
  return (path, options, onRecord) => {
    const record = {
      line: 0,
      bytesRead: 0,
      mayHoldInvalidText: false,
      decoded: [] as readonly string[],
      plain: null,
      fields: () => record.decoded
    }
    return stream(path, options, (fields, line, bytesRead, mayHoldInvalidText) => {
      record.decoded = fields
      record.line = line
      record.bytesRead = bytesRead
      record.mayHoldInvalidText = mayHoldInvalidText
      onRecord(record)
    })
  }
}

/**
 * The import loop shared by every kind of CSV: sniff the file, stream its records, give the first
 * to `open` as the header and the rest to the sink, count every record as imported or rejected,
 * and report progress. Throws ImportFileError for file-level problems and ImportCancelledError on
 * abort; otherwise `read = imported + rejected`. Files are read by the fastest reader that reads
 * them right; when one meets what only the next reads right, the import starts over (`open` is
 * called again, so the sink must start empty each time).
 */
export async function importCsvFile(
  path: string,
  options: ImportOptions,
  open: SinkOpener,
  first?: RecordStream
): Promise<ImportSummary> {
  if (options.signal?.aborted) throw new ImportCancelledError()
  const facts = await sniffCsvFile(path)
  refuseOversized(path, facts)
  // Fastest first: the caller's own reader if it has one, the plain reader for files without
  // quotes, PapaParse for files whose records are each one line, csv-parse for the rest.
  for (const stream of first ? [first, plainCsvRecords] : [plainCsvRecords]) {
    try {
      return await importWith(stream, path, facts, options, open)
    } catch (error) {
      if (!(error instanceof NotPlainCsv)) throw error
    }
  }
  try {
    return await importWith(ofFields(fastCsvRecords), path, facts, options, open)
  } catch (error) {
    if (!(error instanceof NeedsStrictParser)) throw error
  }
  return importWith(ofFields(streamCsvRecords), path, facts, options, open)
}

async function importWith(
  stream: RecordStream,
  path: string,
  { totalBytes, delimiter, estimatedRows }: CsvFileFacts,
  options: ImportOptions,
  open: SinkOpener
): Promise<ImportSummary> {
  const { signal, onProgress } = options
  const summary: ImportSummary = {
    file: path,
    delimiter,
    read: 0,
    imported: 0,
    rejected: 0,
    errors: [],
    extraColumns: []
  }
  const progress = createProgressReporter(totalBytes, onProgress)
  const damage = new FileDamage()
  let sink: RecordSink | null = null
  const bytesRead = await stream(path, { delimiter, signal }, (record) => {
    if (sink === null) {
      sink = openSink(path, open, record.fields(), estimatedRows)
      summary.extraColumns = [...sink.extraColumns]
      if (sink.mapping) summary.mapping = sink.mapping
      if (sink.notes && sink.notes.length > 0) summary.notes = [...sink.notes]
      return
    }
    if (++summary.read > MAX_IMPORT_ROWS) refuseTooMany(path)
    const { line, plain, read } = record
    let error: RowError | null
    if (read) {
      // Only a sink of positions can take a record read as one; any other reads the file again.
      if (!sink.takeRead) throw new NotPlainCsv()
      error = sink.takeRead(read.positions, read.index, line)
    } else if (plain && sink.takePlain) error = sink.takePlain(plain, line)
    else error = sink.take(record.fields(), line)
    damage.observe(record, error)
    if (error === null) summary.imported++
    else {
      summary.rejected++
      summary.errors.push(error)
    }
    progress.update(record.bytesRead, summary.read)
  })
  if (sink === null) throw fileError(path, 'the file is empty')
  await damage.finish(summary, path, totalBytes)
  progress.finish(bytesRead, summary.read)
  // An abort during the last progress report still cancels: nothing partial is returned.
  if (signal?.aborted) throw new ImportCancelledError()
  return summary
}
