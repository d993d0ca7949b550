import { ImportFileError } from '../../engine/import/importFileError'
import type { RowError } from '../../engine/import/rowError'
import { fileError } from './fileError'
import { ImportCancelledError } from './importCancelledError'
import type { ImportOptions } from './importOptions'
import type { ImportSummary } from './importSummary'
import { createProgressReporter } from './progressReporter'
import { fastCsvRecords, NeedsStrictParser } from './fastCsvRecords'
import { sniffCsvFile, type CsvFileFacts } from './sniffCsvFile'
import { streamCsvRecords } from './streamCsvRecords'

/** Takes the data records of one file, once its header row is known. */
export interface RecordSink {
  extraColumns: readonly string[]
  /** Keeps the record, or returns why it was rejected. */
  take(fields: readonly string[], line: number): RowError | null
}

/** Reads the header row into a sink; throws ImportFileError when the header is unusable. */
export type SinkOpener = (header: readonly string[]) => RecordSink

function openSink(path: string, open: SinkOpener, header: readonly string[]): RecordSink {
  try {
    return open(header)
  } catch (error) {
    throw error instanceof ImportFileError ? fileError(path, error.message) : error
  }
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
  let sink: RecordSink | null = null
  const bytesRead = await stream(path, { delimiter, signal }, (fields, line, bytes) => {
    if (sink === null) {
      sink = openSink(path, open, fields)
      summary.extraColumns = [...sink.extraColumns]
      return
    }
    summary.read++
    const error = sink.take(fields, line)
    if (error === null) summary.imported++
    else {
      summary.rejected++
      summary.errors.push(error)
    }
    progress.update(bytes, summary.read)
  })
  if (sink === null) throw fileError(path, 'the file is empty')
  progress.finish(bytesRead, summary.read)
  // An abort during the last progress report still cancels: nothing partial is returned.
  if (signal?.aborted) throw new ImportCancelledError()
  return summary
}
