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

/** The words venues and vendors use for the two sides of a book. */
const SIDE_WORDS: Readonly<Record<string, string>> = {
  bid: 'bid',
  bids: 'bid',
  b: 'bid',
  buy: 'bid',
  ask: 'ask',
  asks: 'ask',
  a: 'ask',
  sell: 'ask',
  offer: 'ask'
}

const sideWord = (text: string): string => SIDE_WORDS[text.trim().toLowerCase()] ?? text

/**
 * Reads a `side,price,size` depth CSV (header names in any case; sides as bid/ask, buy/sell or
 * b/a) into a snapshot. Every problem, from a missing column to a malformed row, comes out as a
 * DepthSnapshotError. A snapshot is a few thousand rows, so the file is read whole.
 */
export function loadDepthSnapshotFile(path: string): DepthSnapshot {
  return parseDepthSnapshot(readRecords(path, readFileSync(path, 'utf8')))
}

function checkedSnapshot(path: string, records: readonly DepthRecord[]): DepthSnapshot {
  try {
    return parseDepthSnapshot(records)
  } catch (error) {
    if (!(error instanceof DepthSnapshotError)) throw error
    throw new DepthSnapshotError(`depth file ${path}: ${error.message}`, error.issues)
  }
}

/** Snapshots taken at different moments can overlap; merged they would be a crossed book. */
function refuseCrossed(paths: readonly string[], snapshots: readonly DepthSnapshot[]): void {
  let bid = 0
  let ask = 0
  snapshots.forEach((snapshot, k) => {
    if (snapshot.bids.prices[0] > snapshots[bid].bids.prices[0]) bid = k
    if (snapshot.asks.prices[0] < snapshots[ask].asks.prices[0]) ask = k
  })
  const bestBid = snapshots[bid].bids.prices[0]
  const bestAsk = snapshots[ask].asks.prices[0]
  if (bestBid < bestAsk) return
  throw new DepthSnapshotError(
    `merged depth: the best bid ${bestBid} of ${paths[bid]} is not below the best ask ${bestAsk} of ${paths[ask]}: were the snapshots taken at the same moment?`
  )
}

/**
 * Merges depth snapshots of several venues into one book: levels at the same price add up. Each
 * file must be a valid snapshot on its own (errors name the file and line), and together they
 * must not cross.
 */
export function loadDepthSnapshotFiles(paths: readonly string[]): DepthSnapshot {
  if (paths.length === 1)
    return checkedSnapshot(paths[0], readRecords(paths[0], readFileSync(paths[0], 'utf8')))
  const records = paths.map((path) => readRecords(path, readFileSync(path, 'utf8')))
  refuseCrossed(
    paths,
    records.map((fileRecords, k) => checkedSnapshot(paths[k], fileRecords))
  )
  return parseDepthSnapshot(records.flat())
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
    side: sideWord(record.side),
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
