import { mkdtemp, rm, stat, writeFile, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { CsvError, parse } from 'csv-parse/sync'
import { resolveColumns } from '../../engine/import/columnLayout'
import { ImportFileError } from '../../engine/import/importFileError'
import { POSITION_FIELDS, resolveHeader } from '../../engine/import/positionColumns'
import { mapPositionRecord } from '../../engine/import/positionRecord'
import { findTierTable, type TierRegistry } from '../../engine/margin/tierRegistry'
import { csvNumber, csvText } from '../../shared/csvCell'
import type {
  ImportPreview,
  ImportReport,
  RejectedRowsCsv,
  RowErrorDto,
  StagedFile
} from '../../shared/importTypes'
import { csvParserOptions } from '../import/csvParserOptions'
import { importPositionsFile, type RowError } from '../import/importFiles'
import { createLineCounter } from '../import/physicalLines'
import { sniffCsvFile } from '../import/sniffCsvFile'
import type { BookService } from './bookService'
import { LiveBook } from './liveBook'
import { marketPricesFor } from './marketPrices'
import type { TaskRunner } from './taskRunner'

const PREVIEW_BYTES = 64 * 1024
const PREVIEW_ROWS = 8
/** Rejected rows sent with the report; the CSV export has every one. */
const ERRORS_SHOWN = 500
/** Reading and validating takes most of an import; solving the new book the rest. */
const READ_SHARE = 0.85

interface StagedPath extends StagedFile {
  path: string
  /** Written by us from text the renderer sent, so ours to delete. */
  temporary: boolean
}

export interface ImportServiceOptions {
  registry: TierRegistry
  books: BookService
  tasks: TaskRunner
  /** The platform's open-file dialog; absent where there is none (the browser harness). */
  pickFile?: () => Promise<string | null>
}

/**
 * Imports a positions CSV into a new book. Files come from the native dialog (main keeps the
 * path; the renderer gets an id) or as text from a browser file input or drop, written to a
 * temporary file so both go through the same streaming importer.
 */
export class ImportService {
  private staged: StagedPath | null = null
  private tempDir: string | null = null
  private rejected: { name: string; errors: RowError[] } | null = null

  constructor(private readonly options: ImportServiceOptions) {}

  get canPick(): boolean {
    return this.options.pickFile !== undefined
  }

  async pick(): Promise<{ file: StagedFile | null }> {
    const path = this.options.pickFile ? await this.options.pickFile() : null
    if (path === null) return { file: null }
    const { size } = await stat(path)
    return { file: await this.stage({ path, name: basename(path), bytes: size, temporary: false }) }
  }

  async stageText(name: string, text: string): Promise<StagedFile> {
    this.tempDir ??= await mkdtemp(join(tmpdir(), 'cascade-cockpit-import-'))
    const path = join(this.tempDir, `${Date.now()}-${basename(name).replace(/[^\w.-]/g, '_')}`)
    await writeFile(path, text, 'utf8')
    const { size } = await stat(path)
    return this.stage({ path, name: basename(name), bytes: size, temporary: true })
  }

  async preview(fileId: string): Promise<ImportPreview> {
    const file = this.file(fileId)
    const preview: ImportPreview = {
      file: publicFile(file),
      delimiter: ',',
      columns: [],
      problem: null,
      rows: []
    }
    try {
      preview.delimiter = (await sniffCsvFile(file.path)).delimiter
      const records = await headRecords(file.path, file.bytes, preview.delimiter)
      const [header, ...rows] = records
      if (!header) throw new ImportFileError('the file is empty')
      const known = resolveColumns(header.fields, { fields: POSITION_FIELDS, required: [] })
      preview.columns = header.fields.map((text, index) => ({
        header: text,
        field: (Object.entries(known.columns).find(([, at]) => at === index)?.[0] as string) ?? null
      }))
      const resolved = resolveHeader(header.fields)
      preview.rows = rows.slice(0, PREVIEW_ROWS).map(({ fields, line }) => {
        const mapped = mapPositionRecord(fields, resolved, line)
        return { line, cells: fields, error: mapped.ok ? null : mapped.error }
      })
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      preview.problem = this.userMessage(file, error.message)
    }
    return preview
  }

  async start(fileId: string): Promise<ImportReport> {
    const file = this.file(fileId)
    const { registry, books, tasks } = this.options
    const started = performance.now()
    const result = await tasks.run('import', `Import ${file.name}`, async ({ signal, report }) => {
      const { book, summary } = await importPositionsFile(file.path, {
        // Exchange and protocol exports are recognised by their header; canonical files read as before.
        preset: 'auto',
        signal,
        onProgress: ({ bytesRead, totalBytes, rowsRead }) =>
          report(
            (READ_SHARE * bytesRead) / Math.max(1, totalBytes),
            `${rowsRead.toLocaleString('en-US')} rows read`
          ),
        canResolveMaintenance: (venue, symbol) =>
          findTierTable(registry, venue, symbol) !== undefined
      })
      this.rejected = { name: file.name, errors: summary.errors }
      if (book.length > 0) {
        const current = books.current
        const live = await LiveBook.open(
          book,
          registry,
          marketPricesFor(book, current.live.prices),
          {
            signal,
            onProgress: (fraction) =>
              report(READ_SHARE + (1 - READ_SHARE) * fraction, 'solving liquidation prices')
          }
        )
        books.replace(
          {
            name: file.name.replace(/\.[^.]+$/, ''),
            description: `Positions imported from ${file.name}`,
            source: file.name,
            live,
            lending: [],
            impact: current.impact
          },
          'import'
        )
      }
      return summary
    })
    if (result.status === 'cancelled') return { status: 'cancelled' }
    if (result.status === 'failed')
      return { status: 'failed', message: this.userMessage(file, result.message) }
    const summary = result.value
    return {
      status: 'imported',
      file: file.name,
      delimiter: summary.delimiter,
      read: summary.read,
      imported: summary.imported,
      rejected: summary.rejected,
      extraColumns: summary.extraColumns,
      errors: summary.errors.slice(0, ERRORS_SHOWN).map(toDto),
      elapsedMs: performance.now() - started
    }
  }

  /** Every rejected row of the last import, as CSV a spreadsheet opens without running it. */
  rejectedCsv(): RejectedRowsCsv {
    const lines = ['line,column,reason']
    for (const error of this.rejected?.errors ?? [])
      lines.push(
        [csvNumber(error.line), csvText(error.column ?? ''), csvText(error.reason)].join(',')
      )
    const stem = (this.rejected?.name ?? 'import').replace(/\.[^.]+$/, '')
    return { fileName: `${stem}-rejected-rows.csv`, csv: `${lines.join('\r\n')}\r\n` }
  }

  async dispose(): Promise<void> {
    if (this.tempDir) await rm(this.tempDir, { recursive: true, force: true })
    this.tempDir = null
  }

  private async stage(file: Omit<StagedPath, 'fileId'>): Promise<StagedFile> {
    await this.discardStaged()
    this.staged = { ...file, fileId: `file-${Date.now().toString(36)}` }
    return publicFile(this.staged)
  }

  private async discardStaged(): Promise<void> {
    if (this.staged?.temporary) await rm(this.staged.path, { force: true })
    this.staged = null
  }

  private file(fileId: string): StagedPath {
    if (!this.staged || this.staged.fileId !== fileId)
      throw new Error('that file is no longer staged for import: choose it again')
    return this.staged
  }

  /** Messages name the file as the user knows it, not the temporary copy. */
  private userMessage(file: StagedPath, message: string): string {
    return message.split(file.path).join(file.name)
  }
}

const publicFile = ({ fileId, name, bytes }: StagedPath): StagedFile => ({ fileId, name, bytes })

const toDto = ({ line, column, reason }: RowError): RowErrorDto => ({ line, column, reason })

/** The header and first records, read from the head of the file only, with their lines. */
async function headRecords(
  path: string,
  bytes: number,
  delimiter: string
): Promise<{ fields: string[]; line: number }[]> {
  const handle = await open(path, 'r')
  let text: string
  try {
    const head = Buffer.alloc(Math.min(bytes, PREVIEW_BYTES))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    text = new TextDecoder().decode(head.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
  // A head cut mid-record would show a broken last row: stop at the last complete line.
  if (bytes > PREVIEW_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n') + 1))
  let records: string[][]
  try {
    records = parse(text, csvParserOptions(delimiter)) as string[][]
  } catch (error) {
    if (error instanceof CsvError)
      throw new ImportFileError(`cannot be read as CSV: ${error.message}`)
    throw error
  }
  const lines = createLineCounter()
  const kept: { fields: string[]; line: number }[] = []
  for (const fields of records) {
    const line = lines.take(fields)
    if (fields.some((field) => field.trim() !== '')) kept.push({ fields, line })
    if (kept.length > PREVIEW_ROWS) break
  }
  return kept
}
