import type { FileHandle } from 'node:fs/promises'
import { MAX_RECORD_BYTES } from './csvParserOptions'
import type { CsvRecord, CsvRecordReader, PlainFields } from './csvRecord'
import { readFailure } from './fileError'
import { ImportCancelledError } from './importCancelledError'
import { NotPlainCsv } from './notPlainCsv'
import { openForReading } from './openForReading'
import type { CsvStreamOptions } from './streamCsvRecords'

/** Larger than the longest record read, so a line cut by a read always fits with the next. */
export const CHUNK_BYTES = 4 * MAX_RECORD_BYTES
const LINE_FEED = 0x0a
const CARRIAGE_RETURN = 0x0d
const QUOTE = 0x22
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf]

/** The ASCII characters String.prototype.trim() removes: tab, line breaks, VT, FF and space. */
export const isTrimmedByte = (byte: number): boolean =>
  byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)

/** One reusable record: the reader refills it line by line, and sinks read it before the next. */
export class PlainRecord implements CsvRecord, PlainFields {
  bytes: Buffer = Buffer.alloc(0)
  starts = new Int32Array(64)
  ends = new Int32Array(64)
  count = 0
  ascii = true
  line = 0
  bytesRead = 0

  get mayHoldInvalidText(): boolean {
    return !this.ascii
  }

  get plain(): PlainFields {
    return this
  }

  fields(): string[] {
    const fields = new Array<string>(this.count)
    for (let k = 0; k < this.count; k++)
      fields[k] = this.bytes.toString(this.ascii ? 'latin1' : 'utf8', this.starts[k], this.ends[k])
    return fields
  }

  addField(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2)
      const ends = new Int32Array(this.count * 2)
      starts.set(this.starts)
      ends.set(this.ends)
      this.starts = starts
      this.ends = ends
    }
    this.starts[this.count] = start
    this.ends[this.count] = end
    this.count++
  }

  /**
   * Splits `bytes[start, end)` (a line without its line break) at the delimiter. Returns false
   * for a blank line, which holds nothing but delimiters and blanks; throws NotPlainCsv for a
   * quote or a carriage return inside the line.
   */
  split(bytes: Buffer, start: number, end: number, delimiter: number): boolean {
    this.bytes = bytes
    this.count = 0
    let ascii = true
    let blank = true
    let fieldStart = start
    for (let i = start; i < end; i++) {
      const byte = bytes[i]
      if (byte === delimiter) {
        this.addField(fieldStart, i)
        fieldStart = i + 1
        continue
      }
      // Blanks, the quote and CR all sit at or below the quote: most bytes pass one test.
      if (byte <= QUOTE) {
        if (byte === QUOTE || byte === CARRIAGE_RETURN) throw new NotPlainCsv()
        if (!isTrimmedByte(byte)) blank = false
      } else if (byte > 0x7f) ascii = false
      else blank = false
    }
    this.addField(fieldStart, end)
    this.ascii = ascii
    // Non-ASCII blanks (a no-break space) are judged on the text, as the other readers do.
    return !blank || (!ascii && this.fields().some((field) => field.trim() !== ''))
  }
}

const startsWithByteOrderMark = (bytes: Buffer, start: number, end: number): boolean =>
  end - start >= 3 && BYTE_ORDER_MARK.every((byte, k) => bytes[start + k] === byte)

/**
 * Reads a CSV file without quotes straight from its bytes: one record per physical line (LF or
 * CRLF), fields split at the one-byte delimiter, nothing decoded until a sink asks. Most position
 * books are such files, and reading them this way leaves the CSV library's per-field strings out
 * of the import. Anything a quote-aware parser must read (a quote, a lone CR, an overlong record)
 * rejects with NotPlainCsv before the record it is on is delivered, and the import starts over
 * with PapaParse. Same contract as streamCsvRecords otherwise: blank records are skipped but
 * counted as lines, a throw from `onRecord` stops the read, resolves with the bytes read.
 */
export async function plainCsvRecords(
  path: string,
  { delimiter, signal }: CsvStreamOptions,
  onRecord: CsvRecordReader
): Promise<number> {
  if (signal?.aborted) throw new ImportCancelledError()
  const handle = await openForReading(path)
  try {
    return await readLines(handle, path, delimiter.charCodeAt(0), onRecord, signal)
  } finally {
    await handle.close()
  }
}

async function readLines(
  handle: FileHandle,
  path: string,
  delimiter: number,
  onRecord: CsvRecordReader,
  signal: AbortSignal | undefined
): Promise<number> {
  const record = new PlainRecord()
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
  let carried = 0
  let bytesRead = 0
  /** Where in the file the buffer starts, so a record's progress is the byte after its line. */
  let bufferOffset = 0
  const deliver = (start: number, end: number): void => {
    record.line++
    record.bytesRead = bufferOffset + end
    if (record.line === 1 && startsWithByteOrderMark(buffer, start, end)) start += 3
    if (end > start && buffer[end - 1] === CARRIAGE_RETURN) end--
    if (record.split(buffer, start, end, delimiter)) onRecord(record)
  }
  for (;;) {
    if (signal?.aborted) throw new ImportCancelledError()
    let read: number
    try {
      ;({ bytesRead: read } = await handle.read(
        buffer,
        carried,
        buffer.length - carried,
        bytesRead
      ))
    } catch (error) {
      throw readFailure(path, error)
    }
    bytesRead += read
    const filled = carried + read
    const lines = buffer.subarray(0, filled)
    let start = 0
    for (let end = lines.indexOf(LINE_FEED); end !== -1; end = lines.indexOf(LINE_FEED, start)) {
      deliver(start, end)
      start = end + 1
    }
    if (read === 0) {
      if (start < filled) deliver(start, filled)
      return bytesRead
    }
    carried = filled - start
    bufferOffset += start
    if (carried > MAX_RECORD_BYTES) throw new NotPlainCsv()
    buffer.copy(buffer, 0, start, filled)
  }
}
