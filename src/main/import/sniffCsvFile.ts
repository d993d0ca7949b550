import type { FileHandle } from 'node:fs/promises'
import { detectDelimiter, type Delimiter } from '../../engine/import/detectDelimiter'
import { ImportFileError } from '../../engine/import/importFileError'
import { fileError, readFailure } from './fileError'
import { looksBinary } from './looksBinary'
import { openForReading } from './openForReading'

const SNIFF_BYTES = 64 * 1024
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff]
]

export interface CsvFileFacts {
  totalBytes: number
  delimiter: Delimiter
  /** Rows the file holds, extrapolated from the line length of its head. */
  estimatedRows: number
}

/** Formats people rename to .csv, by their first bytes, and what to do instead. */
const SIGNATURES: { bytes: number[]; problem: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    problem: 'is a zip archive or an Excel workbook, not CSV text: save or export it as CSV'
  },
  { bytes: [0x1f, 0x8b], problem: 'is gzip-compressed: decompress it first' },
  { bytes: [0x50, 0x41, 0x52, 0x31], problem: 'is a Parquet file, not CSV text: export it as CSV' },
  { bytes: [0x25, 0x50, 0x44, 0x46], problem: 'is a PDF document, not CSV text' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    problem: 'is a legacy Excel (.xls) workbook, not CSV text: save it as CSV'
  }
]

function estimateRows(head: Uint8Array, totalBytes: number): number {
  let lines = 0
  for (const byte of head) if (byte === 0x0a) lines++
  if (head.length === totalBytes) return lines + 1
  return Math.round((totalBytes * Math.max(1, lines)) / head.length)
}

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte)

async function readHead(handle: FileHandle, size: number): Promise<Uint8Array> {
  const head = new Uint8Array(Math.min(size, SNIFF_BYTES))
  const { bytesRead } = await handle.read(head, 0, head.length, 0)
  return head.subarray(0, bytesRead)
}

async function inspect(path: string, handle: FileHandle): Promise<CsvFileFacts> {
  const stats = await handle.stat()
  if (!stats.isFile()) throw fileError(path, 'is not a regular file')
  if (stats.size === 0) throw fileError(path, 'the file is empty')
  const head = await readHead(handle, stats.size)
  // UTF-16 is full of NUL bytes, so it would otherwise pass for binary.
  const known = SIGNATURES.find(({ bytes }) => startsWith(head, bytes))
  if (known) throw fileError(path, known.problem)
  if (UTF16_BOMS.some((bom) => startsWith(head, bom))) {
    throw fileError(path, 'is UTF-16 text; save it as UTF-8 CSV')
  }
  if (looksBinary(head)) {
    throw fileError(path, 'is a binary file, not CSV text (save spreadsheets as CSV first)')
  }
  const text = new TextDecoder().decode(head)
  if (text.trim() === '' && stats.size === head.length) throw fileError(path, 'the file is empty')
  return {
    totalBytes: stats.size,
    delimiter: detectDelimiter(text),
    estimatedRows: estimateRows(head, stats.size)
  }
}

/**
 * Looks at the first 64 KiB before streaming: refuses what is not CSV text at all, with a message
 * the user can act on, and detects the delimiter from the header line.
 */
export async function sniffCsvFile(path: string): Promise<CsvFileFacts> {
  const handle = await openForReading(path)
  try {
    return await inspect(path, handle)
  } catch (error) {
    throw error instanceof ImportFileError ? error : readFailure(path, error)
  } finally {
    await handle.close()
  }
}
