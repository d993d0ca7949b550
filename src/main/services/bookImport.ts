import { positionAt } from '../../engine/book/book'
import type { Book } from '../../engine/book/columns'
import { createBookAssembler, type MaintenanceResolver } from '../../engine/import/bookAssembler'
import type { RowError } from '../../engine/import/rowError'
import type { MergeChoice } from '../../shared/importMapping'
import { ImportFileError } from '../../engine/import/importFileError'
import { ImportCancelledError } from '../import/importCancelledError'
import {
  importPositionsFile,
  type ImportProgress,
  type ImportSummary,
  type PositionImportOptions
} from '../import/importFiles'

/** One file to read, with the mapping options its own preview settled on. */
export interface FileToRead {
  path: string
  name: string
  options: PositionImportOptions
}

export interface BookImportOptions {
  merge: MergeChoice
  /** The book the cockpit holds: kept, or kept but for the files' venues. Unused for `new`. */
  current: { name: string; book: Book }
  signal: AbortSignal
  onProgress: (progress: ImportProgress) => void
  canResolveMaintenance: MaintenanceResolver
}

export interface BookImport {
  book: Book
  /** One summary per file, in order; rows the merged book refused count as rejected there. */
  files: ImportSummary[]
  /** What the merge did: positions kept from the current book, venues replaced. */
  notes: string[]
}

interface ReadFile {
  name: string
  book: Book
  lines: readonly number[]
}

/** The file's summary with the rows the merged book refused moved from imported to rejected. */
function withRefusals(summary: ImportSummary, refused: readonly RowError[]): ImportSummary {
  if (refused.length === 0) return summary
  return {
    ...summary,
    imported: summary.imported - refused.length,
    rejected: summary.rejected + refused.length,
    errors: [...summary.errors, ...refused].sort((a, b) => a.line - b.line)
  }
}

const venuesOf = (book: Book): Set<string> => {
  const venues = new Set<string>()
  for (let i = 0; i < book.length; i++) venues.add(book.venues.names[book.venue[i]])
  return venues
}

/**
 * Reads each file through its own mapping, then builds one book: the files alone (`new`), after
 * the current book (`append`), or after the current book without the venues the files have
 * (`replace`). The merged book applies the checks one file gets, so an id already in the book or
 * in an earlier file is rejected against the later file's line. Nothing is kept from a cancelled
 * or failed read: the caller gets a book only when every file was read.
 */
export async function importBook(
  files: readonly FileToRead[],
  sizes: readonly number[],
  options: BookImportOptions
): Promise<BookImport> {
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0)
  const read: ReadFile[] = []
  const summaries: ImportSummary[] = []
  let bytesBefore = 0
  let rowsBefore = 0
  for (const [k, file] of files.entries()) {
    const imported = await importPositionsFile(file.path, {
      ...file.options,
      signal: options.signal,
      canResolveMaintenance: options.canResolveMaintenance,
      onProgress: (progress) =>
        options.onProgress({
          bytesRead: bytesBefore + progress.bytesRead,
          totalBytes,
          rowsRead: rowsBefore + progress.rowsRead
        })
    })
    bytesBefore += sizes[k]
    rowsBefore += imported.summary.read
    read.push({ name: file.name, book: imported.book, lines: imported.lines })
    summaries.push(imported.summary)
  }
  if (options.merge === 'new' && read.length === 1)
    return { book: read[0].book, files: summaries, notes: [] }
  if (options.signal.aborted) throw new ImportCancelledError()
  return merged(read, summaries, options)
}

function merged(
  read: readonly ReadFile[],
  summaries: readonly ImportSummary[],
  { merge, current, canResolveMaintenance }: BookImportOptions
): BookImport {
  const keepCurrent = merge !== 'new'
  const sources = [
    ...(keepCurrent ? [`the current book (${current.name})`] : []),
    ...read.map((file) => file.name)
  ]
  const assembler = createBookAssembler(canResolveMaintenance, sources)
  const notes: string[] = []
  if (keepCurrent) {
    const replaced =
      merge === 'replace'
        ? new Set(read.flatMap((file) => [...venuesOf(file.book)]))
        : new Set<string>()
    const dropped = new Map<string, number>()
    let kept = 0
    for (let p = 0; p < current.book.length; p++) {
      const venue = current.book.venues.names[current.book.venue[p]]
      if (replaced.has(venue)) {
        dropped.set(venue, (dropped.get(venue) ?? 0) + 1)
        continue
      }
      // Positions of a valid book pass the book's checks again (rows are numbered from 1); one
      // that does not would be lost, so the merge stops before the book is touched.
      const refused = assembler.add(positionAt(current.book, p), p + 1, 0)
      if (refused)
        throw new ImportFileError(
          `position ${current.book.ids[p]} of the current book could not be kept (${refused.reason}); nothing was imported`
        )
      kept++
    }
    notes.push(
      `${kept.toLocaleString('en-US')} positions kept from the current book (${current.name})`
    )
    for (const [venue, count] of dropped)
      notes.push(
        `venue ${venue} replaced: ${count.toLocaleString('en-US')} positions of the current book dropped`
      )
  }
  const offset = keepCurrent ? 1 : 0
  const rejected = read.map((file, k) => {
    const refused: RowError[] = []
    for (let p = 0; p < file.book.length; p++) {
      const error = assembler.add(positionAt(file.book, p), file.lines[p], k + offset)
      if (error) refused.push(error)
    }
    return refused
  })
  return {
    book: assembler.book,
    files: summaries.map((summary, k) => withRefusals(summary, rejected[k])),
    notes
  }
}
