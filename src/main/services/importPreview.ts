import { open } from 'node:fs/promises'
import { CsvError, parse } from 'csv-parse/sync'
import type { PositionRow } from '../../engine/book/positionRow'
import { createBookAssembler, type MaintenanceResolver } from '../../engine/import/bookAssembler'
import { ImportFileError } from '../../engine/import/importFileError'
import type { MappingPreset } from '../../engine/import/mapping/columnMapping'
import { explainRowError, type MissingFieldHint } from '../../engine/import/mapping/explainRowError'
import { mappedCells } from '../../engine/import/mapping/mappedCells'
import type { ResolvedMapping } from '../../engine/import/mapping/resolvedMapping'
import { previewMapping } from '../../engine/import/mapping/previewMapping'
import { resolveColumnMapping } from '../../engine/import/mapping/resolveColumnMapping'
import { FILLABLE_FIELDS } from '../../shared/importMapping'
import type {
  ImportPreview,
  MappingSelection,
  PreviewPosition,
  StagedFile
} from '../../shared/importTypes'
import { csvParserOptions } from '../import/csvParserOptions'
import { MAX_IMPORT_ROWS } from '../import/importCsvFile'
import { createLineCounter } from '../import/physicalLines'
import { sniffCsvFile } from '../import/sniffCsvFile'
import { sourceName } from '../import/sourceName'
import { resolveSelection } from './mappingSelection'

const PREVIEW_BYTES = 64 * 1024
const PREVIEW_ROWS = 8
const CANDIDATES_SHOWN = 4

/** How a reason or note tells the dialog's user to give a value the file lacks. */
export const dialogHint: MissingFieldHint = (field) =>
  FILLABLE_FIELDS.some((fillable) => fillable.field === field)
    ? `fill it in under “Values the file lacks”`
    : `map a column to ${field} in the mapping editor`

/** The header and first records, read from the head of the file only, with their lines. */
async function headRecords(
  path: string,
  bytes: number,
  delimiter: string
): Promise<{ cells: string[]; line: number }[]> {
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
  if (bytes > PREVIEW_BYTES) {
    const lastLineEnd = text.lastIndexOf('\n')
    if (lastLineEnd < 0)
      throw new ImportFileError(
        `its first line is longer than ${PREVIEW_BYTES / 1024} KiB with no line break: not a CSV header (a binary file, or one long line?)`
      )
    text = text.slice(0, lastLineEnd + 1)
  }
  let records: string[][]
  try {
    records = parse(text, { ...csvParserOptions(delimiter), to: PREVIEW_ROWS * 4 }) as string[][]
  } catch (error) {
    if (error instanceof CsvError)
      throw new ImportFileError(`cannot be read as CSV: ${error.message}`)
    throw error
  }
  const lines = createLineCounter()
  const kept: { cells: string[]; line: number }[] = []
  for (const cells of records) {
    const line = lines.take(cells)
    if (cells.some((cell) => cell.trim() !== '')) kept.push({ cells, line })
    if (kept.length > PREVIEW_ROWS) break
  }
  return kept
}

const previewPosition = (row: PositionRow): PreviewPosition => ({
  id: row.id,
  account: row.account,
  venue: row.venue,
  symbol: row.symbol,
  contract: row.contract,
  side: row.side === 1 ? 'long' : 'short',
  size: row.size,
  entryPrice: row.entryPrice,
  marginMode: row.marginMode,
  leverage: row.leverage,
  margin: row.margin,
  walletBalance: row.walletBalance,
  mmr: row.mmr
})

const distinct = (values: readonly string[]): string[] =>
  [...new Set(values)].filter((value) => value !== '').sort()

/**
 * A record's account and symbol as the mapping reads them, whether or not the row would import:
 * a row rejected for want of a wallet balance still names the account to give it for.
 */
function keysOf(cells: readonly string[], mapping: ResolvedMapping, line: number) {
  const read = mappedCells(cells, mapping, line)
  const text = (field: string): string => {
    try {
      return read.text(field)
    } catch {
      return ''
    }
  }
  // The canonical reader's rule: an account left blank is the position's id.
  return { account: text('account') || text('id'), symbol: text('symbol') }
}

/** Which previewed symbols the venue's tier tables cover, so the user knows where mmr comes from. */
function tierNote(rows: readonly PositionRow[], canResolve: MaintenanceResolver): string | null {
  const needing = rows.filter((row) => row.mmr === null)
  if (needing.length === 0) return null
  const markets = distinct(needing.map((row) => `${row.venue} ${row.symbol}`))
  const covered = markets.filter((market) => {
    const row = needing.find((r) => `${r.venue} ${r.symbol}` === market)!
    return canResolve(row.venue, row.symbol, row.contract)
  })
  const uncovered = markets.filter((market) => !covered.includes(market))
  const parts = []
  if (covered.length > 0) parts.push(`from the venue's tier table for ${covered.join(', ')}`)
  if (uncovered.length > 0)
    parts.push(
      `no tier table for ${uncovered.join(', ')}: those rows need mmr (${dialogHint('mmr')}) or another venue`
    )
  return `mmr (maintenance margin): ${parts.join('; ')}`
}

export interface PreviewContext {
  file: StagedFile & { path: string }
  selection: MappingSelection
  saved: readonly MappingPreset[]
  canResolveMaintenance: MaintenanceResolver
}

/**
 * What the dialog shows for a file and the user's mapping choice: the detected or chosen preset,
 * the mapping the editor edits, the first rows as they would be imported (each with its reason
 * when it would be rejected, the book's own checks included), and where missing values come from.
 * A file that cannot be read, or a mapping that cannot read it, gives `problem` instead of rows.
 */
export async function buildPreview({
  file,
  selection,
  saved,
  canResolveMaintenance
}: PreviewContext): Promise<ImportPreview> {
  const preview: ImportPreview = {
    file: { fileId: file.fileId, name: file.name, bytes: file.bytes },
    delimiter: ',',
    estimatedRows: 0,
    header: [],
    preset: selection.preset,
    presetLabel: '',
    mapping: null,
    detection: null,
    problem: null,
    rows: [],
    notes: [],
    accounts: [],
    symbols: []
  }
  try {
    const facts = await sniffCsvFile(file.path)
    preview.delimiter = facts.delimiter
    preview.estimatedRows = facts.estimatedRows
    if (facts.estimatedRows > MAX_IMPORT_ROWS)
      throw new ImportFileError(
        `${file.name}: is ${(file.bytes / 2 ** 30).toFixed(1)} GiB, about ${Math.round(facts.estimatedRows / 1e6)} million rows: more than the ${MAX_IMPORT_ROWS / 1e6} million a book holds; split the file or filter it first (by venue or symbol)`
      )
    const [header, ...records] = await headRecords(file.path, file.bytes, facts.delimiter)
    if (!header) throw new ImportFileError('the file is empty')
    preview.header = header.cells
    const resolved = resolveSelection(header.cells, selection, saved)
    preview.preset = resolved.preset
    preview.presetLabel = resolved.label
    preview.mapping = resolved.base
    if (resolved.detection)
      preview.detection = {
        explanation: resolved.detection.explanation,
        candidates: resolved.detection.ranking
          .filter((match) => match.target === 'positions')
          .slice(0, CANDIDATES_SHOWN)
          .map(({ preset, label, score, problem }) => ({ preset, label, score, problem }))
      }
    const mapping = resolved.mapping ?? resolved.base
    const source = sourceName(file.name)
    const mapped = previewMapping(
      header.cells,
      records.slice(0, PREVIEW_ROWS),
      mapping,
      source,
      dialogHint
    )
    const resolvedMapping = resolveColumnMapping(header.cells, mapping, source)
    const assembler = createBookAssembler(canResolveMaintenance)
    const positions: PositionRow[] = []
    preview.rows = mapped.rows.map(({ line, cells, result, error }) => {
      const row = result as PositionRow | null
      const refused = row && assembler.add(row, line)
      const reason = refused ? explainRowError(refused, resolvedMapping, dialogHint) : error
      if (row && !refused) positions.push(row)
      return {
        line,
        cells: [...cells],
        position: row && !refused ? previewPosition(row) : null,
        error: reason
      }
    })
    const tiers = tierNote(positions, canResolveMaintenance)
    preview.notes = [...mapped.notes, ...(tiers ? [tiers] : []), ...resolved.notes]
    const keys = mapped.rows.map(({ cells, line }) => keysOf(cells, resolvedMapping, line))
    preview.accounts = distinct(keys.map((key) => key.account))
    preview.symbols = distinct(keys.map((key) => key.symbol))
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error
    preview.problem = error.message.split(file.path).join(file.name)
  }
  return preview
}
