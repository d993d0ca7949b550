import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { ImportFileError } from '../../engine/import/importFileError'
import { tierCoverage, type TierRegistry } from '../../engine/margin/tierRegistry'
import { csvNumber, csvText } from '../../shared/csvCell'
import type {
  FileImportReport,
  ImportPreview,
  ImportReport,
  MappingSelection,
  PresetInfo,
  RejectedRowsCsv,
  RowErrorDto,
  StagedFile
} from '../../shared/importTypes'
import type { MergeChoice } from '../../shared/importMapping'
import type { ImportSummary, PositionImportOptions, RowError } from '../import/importFiles'
import { sourceName } from '../import/sourceName'
import { importBook, type FileToRead } from './bookImport'
import type { BookService } from './bookService'
import { buildPreview, dialogHint } from './importPreview'
import { LiveBook } from './liveBook'
import { allPresets, resolveSelection } from './mappingSelection'
import { marketPricesFor } from './marketPrices'
import { SavedPresets } from './savedPresets'
import type { TaskRunner } from './taskRunner'

/** Rejected rows sent with the report, per file; the CSV export has every one. */
const ERRORS_SHOWN = 500
/** Reading and validating takes most of an import; merging and solving the new book the rest. */
const READ_SHARE = 0.85
/** Files staged at once: one book from a handful of venues' exports, not a folder dump. */
const MAX_STAGED = 20

interface StagedPath extends StagedFile {
  path: string
  /** Written by us from text the renderer sent, so ours to delete. */
  temporary: boolean
}

export interface ImportServiceOptions {
  registry: TierRegistry
  books: BookService
  tasks: TaskRunner
  /**
   * Where the user's mapping presets are saved (the user data folder in the app); absent, a
   * temporary folder that lasts the run (the test harness).
   */
  presetsDir?: string
  /** The platform's open-file dialog; absent where there is none (the browser harness). */
  pickFile?: () => Promise<string | null>
}

const fileStem = (name: string): string => name.replace(/\.[^.]+$/, '')

/**
 * Imports positions files into the book. Files come from the native dialog (main keeps the
 * path; the renderer gets an id) or as text from a browser file input or drop, written to a
 * temporary file so both go through the same streaming importer. Several files may be staged;
 * each is previewed and read through its own mapping, and together they make one book.
 */
export class ImportService {
  private readonly staged = new Map<string, StagedPath>()
  private nextFile = 1
  /** Created once, on the first staged text; a promise, so two drops at once share it. */
  private tempDir: Promise<string> | null = null
  /** Numbers temporary copies, taken before any await so two drops of one name never clash. */
  private nextCopy = 1
  private rejected: { name: string; files: { file: string; errors: RowError[] }[] } | null = null
  private readonly saved: SavedPresets
  private readonly runPresetsDir: string | null
  private readonly canResolveMaintenance: (venue: string, symbol: string) => boolean

  constructor(private readonly options: ImportServiceOptions) {
    this.runPresetsDir = options.presetsDir
      ? null
      : join(tmpdir(), `cascade-cockpit-presets-${process.pid}-${Date.now().toString(36)}`)
    this.saved = new SavedPresets(options.presetsDir ?? this.runPresetsDir!)
    this.canResolveMaintenance = tierCoverage(options.registry)
  }

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
    this.refuseMoreFiles()
    const copy = this.nextCopy++
    this.tempDir ??= mkdtemp(join(tmpdir(), 'cascade-cockpit-import-'))
    const path = join(await this.tempDir, `${copy}-${basename(name).replace(/[^\w.-]/g, '_')}`)
    await writeFile(path, text, 'utf8')
    const { size } = await stat(path)
    return this.stage({ path, name: basename(name), bytes: size, temporary: true })
  }

  async unstage(fileId: string): Promise<{ removed: boolean }> {
    const file = this.staged.get(fileId)
    if (!file) return { removed: false }
    this.staged.delete(fileId)
    if (file.temporary) await rm(file.path, { force: true })
    return { removed: true }
  }

  async presets(): Promise<{ presets: PresetInfo[]; problems: string[] }> {
    const { presets: saved, problems } = await this.saved.list()
    const savedNames = new Set(saved.map((preset) => preset.name))
    const presets = allPresets(saved).map((preset) => ({
      name: preset.name,
      label: preset.label,
      builtIn: !savedNames.has(preset.name),
      mapping: preset.mapping,
      notes: [...preset.notes],
      source: preset.source
    }))
    return { presets, problems }
  }

  async preview(fileId: string, selection: MappingSelection): Promise<ImportPreview> {
    return (await this.previewed(fileId, selection)).preview
  }

  /** Saves the file's mapping, the user's values included, as a preset detected by its header. */
  async savePreset(
    label: string,
    fileId: string,
    selection: MappingSelection
  ): Promise<PresetInfo> {
    const { file, saved, preview } = await this.previewed(fileId, selection)
    if (preview.header.length === 0)
      throw new ImportFileError(
        `${file.name} has no header to detect the preset by: ${preview.problem}`
      )
    const resolved = resolveSelection(preview.header, selection, saved)
    try {
      const preset = await this.saved.save(
        label,
        resolved.mapping ?? resolved.base,
        preview.header,
        file.name
      )
      return { ...preset, builtIn: false, notes: [...preset.notes] }
    } catch (error) {
      if (error instanceof z.ZodError)
        throw new ImportFileError(`the preset cannot be saved: ${z.prettifyError(error)}`)
      throw error
    }
  }

  async deletePreset(name: string): Promise<void> {
    await this.saved.delete(name)
  }

  async start(
    requested: readonly { fileId: string; selection: MappingSelection }[],
    merge: MergeChoice
  ): Promise<ImportReport> {
    const started = performance.now()
    let files: { read: FileToRead; size: number; label: string; notes: readonly string[] }[]
    try {
      files = await Promise.all(
        requested.map(({ fileId, selection }) => this.planned(fileId, selection))
      )
    } catch (error) {
      if (error instanceof ImportFileError) return { status: 'failed', message: error.message }
      throw error
    }
    const names = files.map((file) => file.read.name)
    const { registry, books, tasks } = this.options
    const label = `Import ${names.length === 1 ? names[0] : `${names.length} files`}`
    const result = await tasks.run('import', label, async ({ signal, report }) => {
      const current = books.current
      const startVersion = books.currentVersion
      // Files merged into the current book are margined with its own tier tables (a reopened
      // workspace keeps the tables it was saved with); a new book takes the app's.
      const tiers = merge === 'new' ? registry : current.live.registry
      const imported = await importBook(
        files.map((file) => file.read),
        files.map((file) => file.size),
        {
          merge,
          current: { name: current.name, book: current.live.book },
          signal,
          canResolveMaintenance: tierCoverage(tiers),
          onProgress: ({ bytesRead, totalBytes, rowsRead }) =>
            report(
              (READ_SHARE * bytesRead) / Math.max(1, totalBytes),
              `${rowsRead.toLocaleString('en-US')} rows read`
            )
        }
      )
      const added = imported.files.reduce((sum, summary) => sum + summary.imported, 0)
      if (added > 0) {
        const live = await LiveBook.open(
          imported.book,
          tiers,
          marketPricesFor(imported.book, current.live.prices),
          {
            signal,
            onProgress: (fraction) =>
              report(READ_SHARE + (1 - READ_SHARE) * fraction, 'solving liquidation prices')
          }
        )
        const into = merge === 'new' ? null : current
        // An edit, or another workspace opened, while the files were read: merging into the
        // book as it was would undo that, so nothing is replaced.
        if (into && books.currentVersion !== startVersion)
          throw new ImportFileError(
            'the book changed while the files were read (an edit, or another workspace opened); nothing was imported: import them again'
          )
        books.replace(
          {
            name:
              into?.name ??
              (names.length === 1
                ? fileStem(names[0])
                : `${fileStem(names[0])} and ${names.length - 1} more`),
            description: `${into ? `${into.description}; ` : ''}positions imported from ${names.join(', ')}`,
            source: names.join(', '),
            live,
            lending: into?.lending ?? [],
            impact: current.impact
          },
          into ? 'merge' : 'import'
        )
      }
      return { ...imported, positions: added > 0 ? imported.book.length : current.live.book.length }
    })
    if (result.status === 'cancelled') return { status: 'cancelled' }
    if (result.status === 'failed')
      return { status: 'failed', message: this.userMessage(result.message) }
    const { files: summaries, notes, positions } = result.value
    this.rejected = {
      name: names.length === 1 ? fileStem(names[0]) : 'import',
      files: summaries.map((summary, k) => ({ file: names[k], errors: summary.errors }))
    }
    const reports = summaries.map((summary, k) => fileReport(names[k], files[k], summary))
    return {
      status: 'imported',
      merge,
      files: reports,
      read: reports.reduce((sum, file) => sum + file.read, 0),
      imported: reports.reduce((sum, file) => sum + file.imported, 0),
      rejected: reports.reduce((sum, file) => sum + file.rejected, 0),
      notes,
      positions,
      elapsedMs: performance.now() - started
    }
  }

  /** Every rejected row of the last import, as CSV a spreadsheet opens without running it. */
  rejectedCsv(): RejectedRowsCsv {
    const lines = ['file,line,column,reason']
    for (const { file, errors } of this.rejected?.files ?? [])
      for (const error of errors)
        lines.push(
          [
            csvText(file),
            csvNumber(error.line),
            csvText(error.column ?? ''),
            csvText(error.reason)
          ].join(',')
        )
    const stem = this.rejected?.name ?? 'import'
    return { fileName: `${stem}-rejected-rows.csv`, csv: `${lines.join('\r\n')}\r\n` }
  }

  async dispose(): Promise<void> {
    this.staged.clear()
    if (this.tempDir) await rm(await this.tempDir, { recursive: true, force: true })
    this.tempDir = null
    if (this.runPresetsDir) await rm(this.runPresetsDir, { recursive: true, force: true })
  }

  /**
   * What reading a file takes, settled before any file is read: its preview must show no
   * problem, so a bad file among several fails the import before the book is touched.
   */
  private async planned(fileId: string, selection: MappingSelection) {
    const { file, saved, preview } = await this.previewed(fileId, selection)
    if (preview.problem !== null) throw new ImportFileError(`${file.name}: ${preview.problem}`)
    const resolved = resolveSelection(preview.header, selection, saved)
    const options: PositionImportOptions = {
      sourceName: sourceName(file.name),
      missingFieldHint: dialogHint,
      ...(resolved.mapping ? { mapping: resolved.mapping } : {})
    }
    return {
      read: { path: file.path, name: file.name, options },
      size: file.bytes,
      label: resolved.label,
      notes: resolved.notes
    }
  }

  private refuseMoreFiles(): void {
    if (this.staged.size >= MAX_STAGED)
      throw new ImportFileError(`at most ${MAX_STAGED} files at once: import these, then the rest`)
  }

  private async stage(file: Omit<StagedPath, 'fileId'>): Promise<StagedFile> {
    this.refuseMoreFiles()
    const staged = { ...file, fileId: `file-${this.nextFile++}` }
    this.staged.set(staged.fileId, staged)
    return { fileId: staged.fileId, name: staged.name, bytes: staged.bytes }
  }

  /** The staged file, the saved presets and the file's preview under `selection`. */
  private async previewed(fileId: string, selection: MappingSelection) {
    const file = this.file(fileId)
    const saved = (await this.saved.list()).presets
    const preview = await buildPreview({
      file,
      selection,
      saved,
      canResolveMaintenance: this.canResolveMaintenance
    })
    return { file, saved, preview }
  }

  private file(fileId: string): StagedPath {
    const file = this.staged.get(fileId)
    if (!file)
      throw new ImportFileError('that file is no longer staged for import: choose it again')
    return file
  }

  /** Messages name files as the user knows them, not their temporary copies. */
  private userMessage(message: string): string {
    let named = message
    for (const file of this.staged.values()) named = named.split(file.path).join(file.name)
    return named
  }
}

function fileReport(
  name: string,
  plan: { label: string; notes: readonly string[] },
  summary: ImportSummary
): FileImportReport {
  return {
    file: name,
    delimiter: summary.delimiter,
    mapping: plan.label,
    read: summary.read,
    imported: summary.imported,
    rejected: summary.rejected,
    extraColumns: summary.extraColumns,
    notes: [...(summary.notes ?? []), ...plan.notes],
    errors: summary.errors.slice(0, ERRORS_SHOWN).map(toDto)
  }
}

const toDto = ({ line, column, reason }: RowError): RowErrorDto => ({ line, column, reason })
