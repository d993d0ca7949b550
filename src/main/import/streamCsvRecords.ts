import { CsvError, parse } from 'csv-parse'
import { createReadStream } from 'node:fs'
import { finished, pipeline } from 'node:stream/promises'
import { ImportFileError } from '../../engine/import/importFileError'
import { MAX_RECORD_BYTES, csvParserOptions } from './csvParserOptions'
import { fileError, readFailure } from './fileError'
import { ImportCancelledError } from './importCancelledError'
import { createLineCounter } from './physicalLines'

const CHUNK_BYTES = 64 * 1024

/**
 * Called synchronously for each record that is not blank. `mayHoldInvalidText` is false while
 * the stream has decoded nothing but valid UTF-8, so most files skip a per-record check.
 */
export type CsvRecordHandler = (
  fields: string[],
  line: number,
  bytesRead: number,
  mayHoldInvalidText: boolean
) => void

export interface CsvStreamOptions {
  delimiter: string
  signal?: AbortSignal
}

const isBlankRecord = (fields: readonly string[]): boolean =>
  fields.every((field) => field.trim() === '')

function parseFailure(path: string, error: CsvError, line: number): ImportFileError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return fileError(path, `the record on line ${line} opens a quote that is never closed`)
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    const limit = MAX_RECORD_BYTES / 1024 / 1024
    return fileError(
      path,
      `the record on line ${line} is longer than ${limit} MiB: is a quote left open?`
    )
  }
  return fileError(path, `cannot be read as CSV near line ${line}: ${error.message}`)
}

/** An error from the operating system (a read failed), as opposed to one from a stream. */
const isSystemError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'syscall' in error

/** Every way the stream can fail, as the one error the importer's caller should see. */
function streamFailure(path: string, error: unknown, line: number, signal?: AbortSignal): unknown {
  if (signal?.aborted) return new ImportCancelledError()
  if (error instanceof ImportFileError) return error
  if (error instanceof CsvError) return parseFailure(path, error, line)
  if (isSystemError(error)) return readFailure(path, error)
  return error
}

/**
 * Streams the file through csv-parse, handing each non-blank record and the physical line it
 * starts on to `onRecord`. Records are taken from 'data' events rather than an async iterator: a
 * parse error then arrives after every record before it, so its line number is right. A throw from
 * `onRecord` stops the stream and rejects with that error. Resolves with the bytes read.
 */
export async function streamCsvRecords(
  path: string,
  { delimiter, signal }: CsvStreamOptions,
  onRecord: CsvRecordHandler
): Promise<number> {
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  const parser = parse(csvParserOptions(delimiter))
  const lines = createLineCounter()
  let stopped = false
  parser.on('data', (fields: string[]) => {
    const line = lines.take(fields)
    if (stopped || signal?.aborted || isBlankRecord(fields)) return
    try {
      // csv-parse decodes inside the parser, out of sight: every record is checked.
      onRecord(fields, line, file.bytesRead, true)
    } catch (error) {
      stopped = true
      parser.destroy(error as Error)
    }
  })
  try {
    await pipeline(file, parser, { signal })
    // pipeline settles when the parser has taken all input; 'end' follows its last record.
    await finished(parser)
  } catch (error) {
    throw streamFailure(path, error, lines.next, signal)
  }
  return file.bytesRead
}
