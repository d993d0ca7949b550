import { readFileSync } from 'node:fs'
import { CsvError, parse } from 'csv-parse/sync'
import { detectDelimiter } from '../../engine/import/detectDelimiter'
import { headerKey } from '../../engine/import/mapping/headerKey'
import { SeriesError } from '../../engine/import/series/seriesError'
import { readFailure } from '../import/fileError'

/** A small CSV file read whole: its header (null when the file has none) and rows with lines. */
export interface CsvTable {
  header: string[] | null
  rows: { line: number; cells: string[] }[]
}

interface ParsedRow {
  record: string[]
  info: { lines: number }
}

/**
 * Reads a market data file (a few megabytes at most: candles, open interest, a price path).
 * `isHeader` decides whether the first row names columns: vendors ship some of these files
 * without a header.
 */
export function readCsvTable(
  path: string,
  what: string,
  isHeader: (first: string[]) => boolean
): CsvTable {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw readFailure(path, error)
  }
  let parsed: ParsedRow[]
  try {
    parsed = parse(text, {
      delimiter: detectDelimiter(text.slice(0, 64 * 1024)),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true
    }) as unknown as ParsedRow[]
  } catch (error) {
    if (error instanceof CsvError) throw new SeriesError(`${what} ${path}: ${error.message}`)
    throw error
  }
  if (parsed.length === 0) throw new SeriesError(`${what} ${path}: the file is empty`)
  const rows = parsed.map(({ record, info }) => ({ line: info.lines, cells: record }))
  if (!isHeader(rows[0].cells)) return { header: null, rows }
  return { header: rows[0].cells, rows: rows.slice(1) }
}

/** The index of the first of `names` the header has, matched by header key, or -1. */
export function columnIndex(header: readonly string[], names: readonly string[]): number {
  const keys = header.map(headerKey)
  for (const name of names) {
    const at = keys.indexOf(headerKey(name))
    if (at >= 0) return at
  }
  return -1
}
