import { ImportFileError } from '../../engine/import/importFileError'
import type { RowError } from '../../engine/import/rowError'
import { fileError } from './fileError'
import { ImportCancelledError } from './importCancelledError'
import type { ImportOptions } from './importOptions'
import { FileDamage } from './fileDamage'
import type { ImportSummary, MappingReport } from './importSummary'
import { createProgressReporter } from './progressReporter'
import { fastCsvRecords, NeedsStrictParser } from './fastCsvRecords'
import { sniffCsvFile, type CsvFileFacts } from './sniffCsvFile'
import { streamCsvRecords } from './streamCsvRecords'

/** Takes the data records of one file, once its header row is known. */
export interface RecordSink {
  extraColumns: readonly string[]
  /** Set when the file is read through a preset or mapping. */
  mapping?: MappingReport
  /** What the user should know about how the file is read (fields it lacks, ...). */
  notes?: readonly string[]
  /** Keeps the record, or returns why it was rejected. */
  take(fields: readonly string[], line: number): RowError | null
}

/** Reads the header row into a sink; throws ImportFileError when the header is unusable. */
export type SinkOpener = (header: readonly string[]) => RecordSink

/** A header that reads as one column is most often a file split by another delimiter. */
const ONE_COLUMN_HINT =
  ' (the header reads as a single column: is the file delimited by something other than comma, semicolon, tab or |?)'

function openSink(path: string, open: SinkOpener, header: readonly string[]): RecordSink {
  try {
    return open(header)
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

/**
 * The import loop shared by every kind of CSV: sniff the file, stream its records, give the first
 * to `open` as the header and the rest to the sink, count every record as imported or rejected,
 * and report progress. Throws ImportFileError for file-level problems and ImportCancelledError on
 * abort; otherwise `read = imported + rejected`. Files are read by the fast parser first; when it
 * meets what only the strict one reads right, the import starts over (`open` is called again, so
 * the sink must start empty each time).
 */
export async function importCsvFile(
  path: string,
  options: ImportOptions,
  open: SinkOpener
): Promise<ImportSummary> {
  if (options.signal?.aborted) throw new ImportCancelledError()
  const facts = await sniffCsvFile(path)
  refuseOversized(path, facts)
  try {
    return await importWith(fastCsvRecords, path, facts, options, open)
  } catch (error) {
    if (!(error instanceof NeedsStrictParser)) throw error
    return importWith(streamCsvRecords, path, facts, options, open)
  }
}

async function importWith(
  stream: typeof streamCsvRecords,
  path: string,
  { totalBytes, delimiter }: CsvFileFacts,
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
  const bytesRead = await stream(
    path,
    { delimiter, signal },
    (fields, line, bytes, mayHoldInvalidText) => {
      if (sink === null) {
        sink = openSink(path, open, fields)
        summary.extraColumns = [...sink.extraColumns]
        if (sink.mapping) summary.mapping = sink.mapping
        if (sink.notes && sink.notes.length > 0) summary.notes = [...sink.notes]
        return
      }
      if (++summary.read > MAX_IMPORT_ROWS) refuseTooMany(path)
      const error = sink.take(fields, line)
      damage.observe(fields, line, mayHoldInvalidText, error)
      if (error === null) summary.imported++
      else {
        summary.rejected++
        summary.errors.push(error)
      }
      progress.update(bytes, summary.read)
    }
  )
  if (sink === null) throw fileError(path, 'the file is empty')
  await damage.finish(summary, path, totalBytes)
  progress.finish(bytesRead, summary.read)
  // An abort during the last progress report still cancels: nothing partial is returned.
  if (signal?.aborted) throw new ImportCancelledError()
  return summary
}
