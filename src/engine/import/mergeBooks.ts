import { positionAt } from '../book/book'
import type { Book } from '../book/columns'
import { createBookAssembler, type MaintenanceResolver } from './bookAssembler'
import type { RowError } from './rowError'

/** `append`: every file adds its positions; `replace`: a file replaces the earlier files' positions on its venues. */
export type MergeMode = 'append' | 'replace'

/** One imported file's book, in the order the files were given. */
export interface BookPart {
  name: string
  book: Book
  /** The line each position was read from, by book index. */
  lines: readonly number[]
}

export interface MergedBook {
  book: Book
  /** Rows refused by the merged book (an id or account another file already has), by part. */
  rejected: RowError[][]
  /** Which positions a later file replaced. */
  notes: string[]
}

const venuesOf = (book: Book): Set<string> => {
  const venues = new Set<string>()
  for (let i = 0; i < book.length; i++) venues.add(book.venues.names[book.venue[i]])
  return venues
}

/** For each part, the part that replaces each of its venues (the last later one), if any. */
function replacements(parts: readonly BookPart[], mode: MergeMode): Map<string, number>[] {
  const venues = parts.map((part) => venuesOf(part.book))
  return parts.map((_, i) => {
    const replacedBy = new Map<string, number>()
    if (mode === 'append') return replacedBy
    for (let j = i + 1; j < parts.length; j++)
      for (const venue of venues[j]) replacedBy.set(venue, j)
    for (const venue of [...replacedBy.keys()]) if (!venues[i].has(venue)) replacedBy.delete(venue)
    return replacedBy
  })
}

function replacementNotes(parts: readonly BookPart[], replacedBy: Map<string, number>[]): string[] {
  const notes: string[] = []
  parts.forEach((part, i) => {
    const dropped = new Map<string, number>()
    for (let p = 0; p < part.book.length; p++) {
      const venue = part.book.venues.names[part.book.venue[p]]
      if (replacedBy[i].has(venue)) dropped.set(venue, (dropped.get(venue) ?? 0) + 1)
    }
    for (const [venue, count] of dropped) {
      const by = parts[replacedBy[i].get(venue)!].name
      notes.push(`${by} replaces venue ${venue}: ${count} positions of ${part.name} dropped`)
    }
  })
  return notes
}

/**
 * Assembles one book from books imported file by file, in order, with the same checks a single
 * file gets: an id another file already used, or an account whose contracts or wallet balance
 * disagree across files, is refused and reported against the later file's line.
 */
export function mergeBooks(
  parts: readonly BookPart[],
  mode: MergeMode,
  canResolveMaintenance?: MaintenanceResolver
): MergedBook {
  const assembler = createBookAssembler(
    canResolveMaintenance,
    parts.map((part) => part.name)
  )
  const replacedBy = replacements(parts, mode)
  const rejected = parts.map(() => [] as RowError[])
  parts.forEach((part, i) => {
    for (let p = 0; p < part.book.length; p++) {
      if (replacedBy[i].has(part.book.venues.names[part.book.venue[p]])) continue
      const refused = assembler.add(positionAt(part.book, p), part.lines[p], i)
      if (refused) rejected[i].push(refused)
    }
  })
  return { book: assembler.book, rejected, notes: replacementNotes(parts, replacedBy) }
}
