import { readFileSync } from 'node:fs'
import { CsvError, parse } from 'csv-parse/sync'
import {
  parseDepthSnapshot,
  type DepthRecord,
  type DepthSnapshot
} from '../../engine/impact/depthSnapshot'
import { DepthSnapshotError } from '../../engine/impact/depthSnapshotError'

const REQUIRED_COLUMNS = ['side', 'price', 'size'] as const

interface ParsedRow {
  record: Record<string, string>
  info: { lines: number }
}

/**
 * Reads a `side,price,size` depth CSV (header names in any case) into a snapshot. Every problem,
 * from a missing column to a malformed row, comes out as a DepthSnapshotError. A snapshot is a
 * few thousand rows, so the file is read whole.
 */
export function loadDepthSnapshotFile(path: string): DepthSnapshot {
  return parseDepthSnapshot(readRecords(path, readFileSync(path, 'utf8')))
}

function readRecords(path: string, text: string): DepthRecord[] {
  let rows: ParsedRow[]
  try {
    rows = parse(text, {
      // Checking the header as it is read also catches a file with a header and no rows.
      columns: (header: string[]) => requireColumns(path, header),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true
    }) as ParsedRow[]
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = typeof error.lines === 'number' ? error.lines : 0
    throw new DepthSnapshotError(`depth file ${path}: ${error.message}`, [
      { line, reason: error.message }
    ])
  }
  return rows.map(({ record, info }) => ({
    // info.lines is the physical line the record ends on; depth rows never span lines.
    line: info.lines,
    side: record.side,
    price: record.price,
    size: record.size
  }))
}

function requireColumns(path: string, header: string[]): string[] {
  const names = header.map((name) => name.toLowerCase())
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column))
  if (missing.length > 0) {
    const quoted = missing.map((column) => `"${column}"`).join(', ')
    throw new DepthSnapshotError(
      `depth file ${path}: missing column ${quoted} in the header "${header.join(',')}", expected ${REQUIRED_COLUMNS.join(',')}`
    )
  }
  return names
}
