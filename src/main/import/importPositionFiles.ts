import { stat } from 'node:fs/promises'
import type { Book } from '../../engine/book/columns'
import { mergeBooks, type BookPart, type MergeMode } from '../../engine/import/mergeBooks'
import type { RowError } from '../../engine/import/rowError'
import { readFailure } from './fileError'
import { importPositionsFile, type PositionImportOptions } from './importPositionsFile'
import type { ImportSummary } from './importSummary'
import { sourceName } from './sourceName'

export interface PositionFilesOptions extends PositionImportOptions {
  merge?: MergeMode
}

export interface PositionFilesImport {
  book: Book
  /** One summary per file, in the order given; rows the merged book refused count as rejected there. */
  files: ImportSummary[]
  /** What the merge did beyond rejecting rows: venues a later file replaced. */
  notes: string[]
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch (error) {
    throw readFailure(path, error)
  }
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

/**
 * Imports several positions files into one book, each with its own preset or detection, then
 * merges them: appended, or each file replacing the earlier files' positions on its venues.
 * Duplicate ids across files are reported against the later file. Progress covers all files.
 */
export async function importPositionFiles(
  paths: readonly string[],
  options: PositionFilesOptions = {}
): Promise<PositionFilesImport> {
  const sizes = await Promise.all(paths.map(sizeOf))
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0)
  const parts: BookPart[] = []
  const summaries: ImportSummary[] = []
  let bytesBefore = 0
  let rowsBefore = 0
  for (const [k, path] of paths.entries()) {
    const { onProgress } = options
    const imported = await importPositionsFile(path, {
      ...options,
      onProgress: onProgress
        ? (progress) =>
            onProgress({
              bytesRead: bytesBefore + progress.bytesRead,
              totalBytes,
              rowsRead: rowsBefore + progress.rowsRead
            })
        : undefined
    })
    bytesBefore += sizes[k]
    rowsBefore += imported.summary.read
    parts.push({ name: sourceName(path), book: imported.book, lines: imported.lines })
    summaries.push(imported.summary)
  }
  if (parts.length === 1) return { book: parts[0].book, files: summaries, notes: [] }
  const merged = mergeBooks(parts, options.merge ?? 'append', options.canResolveMaintenance)
  return {
    book: merged.book,
    files: summaries.map((summary, k) => withRefusals(summary, merged.rejected[k])),
    notes: merged.notes
  }
}
