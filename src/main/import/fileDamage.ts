import { open } from 'node:fs/promises'
import type { RowError } from '../../engine/import/rowError'
import type { CsvRecord } from './csvRecord'
import type { ImportSummary } from './importSummary'

const REPLACEMENT_CHARACTER = '\uFFFD'
const FIELD_COUNT = /^expected (\d+) fields, found (\d+)$/

const holdsReplacement = (fields: readonly string[]): boolean => {
  for (const field of fields) if (field.indexOf(REPLACEMENT_CHARACTER) !== -1) return true
  return false
}

async function endsWithLineBreak(path: string, totalBytes: number): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const last = new Uint8Array(1)
    await handle.read(last, 0, 1, totalBytes - 1)
    return last[0] === 0x0a || last[0] === 0x0d
  } finally {
    await handle.close()
  }
}

/**
 * Watches an import for the damage a file can carry past the sniffing of its head: bytes that are
 * not UTF-8 (a legacy encoding, or two files pasted together), a delimiter that splits the rows
 * differently from the header, a last line cut short. The summary says what the damage probably
 * is; the rows themselves are imported or rejected as usual.
 */
export class FileDamage {
  private undecodable = 0
  private firstUndecodable = 0
  private wrongWidth = 0
  private lastLine = 0
  private lastError: RowError | null = null

  /**
   * Counts a record whose text did not decode as UTF-8. It is still imported (a legacy-encoded
   * note should not cost a position), and the summary warns that such names may have merged.
   */
  observe(record: CsvRecord, error: RowError | null): void {
    const { line } = record
    if (record.mayHoldInvalidText && holdsReplacement(record.fields())) {
      this.undecodable++
      this.firstUndecodable ||= line
    }
    this.lastLine = line
    this.lastError = error
    if (error !== null && error.column === null && FIELD_COUNT.test(error.reason)) this.wrongWidth++
  }

  async finish(summary: ImportSummary, path: string, totalBytes: number): Promise<void> {
    const notes: string[] = []
    if (this.undecodable > 0) {
      notes.push(
        `${this.undecodable} rows hold bytes that are not UTF-8 (first on line ${this.firstUndecodable}), read as �: the file is in another encoding or mixes encodings, and names differing only in those characters now look alike; save it as UTF-8`
      )
    }
    if (summary.read >= 2 && this.wrongWidth * 2 > summary.read) {
      notes.push(
        `${this.wrongWidth} of ${summary.read} rows have another number of fields than the header: is the delimiter right (read as ${JSON.stringify(summary.delimiter)})?`
      )
    }
    const last = this.lastError
    const cut = last && FIELD_COUNT.exec(last.reason)
    if (
      last &&
      cut &&
      Number(cut[2]) < Number(cut[1]) &&
      !(await endsWithLineBreak(path, totalBytes))
    ) {
      last.reason = `the last line is cut short (${cut[2]} of ${cut[1]} fields, no line break at the end): was the file truncated?`
      notes.push(`the file ends in the middle of line ${this.lastLine}: it may be truncated`)
    }
    if (notes.length > 0) summary.notes = [...(summary.notes ?? []), ...notes]
  }
}
