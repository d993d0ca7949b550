import type { Options } from 'csv-parse'

/** Longer than any sane record: hitting it means a quote was left open. */
export const MAX_RECORD_BYTES = 1024 * 1024

/**
 * How csv-parse reads an import. Field-count mismatches, blank lines and stray quotes reach the
 * importer as records, so they become row errors with a line number instead of aborting the file.
 */
export function csvParserOptions(delimiter: string): Options {
  return {
    delimiter,
    bom: true,
    // Any of the three line endings, as an editor counts lines, even mixed in one file.
    record_delimiter: ['\r\n', '\n', '\r'],
    // `"1,234.5"` after `, ` still reads as a quoted field.
    ltrim: true,
    // A quote inside a field (`5" screen`) stays text and damages no other record.
    relax_quotes: true,
    relax_column_count: true,
    // Blank lines come through so the importer can count physical lines.
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES
  }
}
