import { positionAt } from '../../engine/book/book'
import { CROSS, type Book } from '../../engine/book/columns'
import type { PositionRow } from '../../engine/book/positionRow'
import { StringIndex } from '../../engine/book/stringIndex'
import type { BookColumns, BookDelta } from '../../shared/workspaceSnapshot'

const NUMBERS = [
  'size',
  'entryPrice',
  'margin',
  'leverage',
  'mmr',
  'maintenanceAmount',
  'markPrice'
] as const
const CODES = ['side', 'contract', 'marginMode'] as const

/** The stored book, with what comparing against it needs built once. */
interface Baseline {
  columns: BookColumns
  /** The live book it was taken from: another book in main means the workspace was replaced. */
  book: Book
  extra: Map<string, Map<number, string>>
  ids: StringIndex | null
}

function idIndex(ids: readonly string[], length: number): StringIndex {
  const index = new StringIndex()
  for (let i = 0; i < length; i++) index.intern(ids[i])
  return index
}

/** Position `j` of the stored book and position `i` of the live one hold the same row. */
function sameRow(base: Baseline, j: number, book: Book, i: number): boolean {
  const stored = base.columns
  for (const column of NUMBERS) if (!Object.is(stored[column][j], book[column][i])) return false
  for (const column of CODES) if (stored[column][j] !== book[column][i]) return false
  if (stored.accounts[stored.account[j]] !== book.accounts.names[book.account[i]]) return false
  if (stored.venues[stored.venue[j]] !== book.venues.names[book.venue[i]]) return false
  if (stored.symbols[stored.symbol[j]] !== book.symbols.names[book.symbol[i]]) return false
  if (
    book.marginMode[i] === CROSS &&
    !Object.is(stored.walletBalance[stored.account[j]], book.walletBalance[book.account[i]])
  )
    return false
  for (const [name, values] of base.extra)
    if (values.get(j) !== book.extra.get(name)?.get(i)) return false
  for (const [name, values] of book.extra) if (!base.extra.has(name) && values.has(i)) return false
  return true
}

/**
 * What changed in main's book since the workspace was last saved or opened, reported to the
 * renderer as delta log entries: each entry holds only what moved since the previous one, and
 * replaying every entry on the saved book gives the book main holds.
 */
export class WorkspaceChangeTracker {
  private baseline: Baseline | null = null
  /** Per id, the row (as JSON, '' when removed) the log entries so far leave it at. */
  private reported = new Map<string, string>()
  private pending: { version: number; columns: BookColumns; book: Book } | null = null

  /** The stored book is now `columns` (taken from `book`): nothing is unsaved. */
  reset(columns: BookColumns, book: Book): void {
    const extra = new Map(
      columns.extra.map((column): [string, Map<number, string>] => [
        column.name,
        new Map(Array.from(column.positions, (index, k) => [index, column.values[k]]))
      ])
    )
    this.baseline = { columns, book, extra, ids: null }
    this.reported.clear()
    this.pending = null
  }

  /** A snapshot went to the renderer; it becomes the baseline once the renderer has stored it. */
  taken(version: number, columns: BookColumns, book: Book): void {
    this.pending = { version, columns, book }
  }

  /** The renderer stored the snapshot of `version`; false when no such snapshot is pending. */
  saved(version: number): boolean {
    if (this.pending?.version !== version) return false
    this.reset(this.pending.columns, this.pending.book)
    return true
  }

  /** The changes since the last call, or null when `book` is not the stored workspace's book. */
  changes(book: Book): BookDelta | null {
    const base = this.baseline
    if (!base || base.book !== book) return null
    const now = this.difference(base, book)
    const upserts: PositionRow[] = []
    const removals: string[] = []
    for (const [id, row] of now) {
      const text = row ? JSON.stringify(row) : ''
      if (this.reported.get(id) === text) continue
      if (row) upserts.push(row)
      else removals.push(id)
    }
    // Back where the saved book has it: the log must say so, or replay would keep the old entry.
    const currentIds = this.reported.size > 0 ? idIndex(book.ids, book.length) : null
    for (const id of this.reported.keys()) {
      if (now.has(id)) continue
      const index = currentIds?.get(id)
      if (index === undefined) removals.push(id)
      else upserts.push(positionAt(book, index))
    }
    this.reported = new Map(
      [...now].map(([id, row]): [string, string] => [id, row ? JSON.stringify(row) : ''])
    )
    return { upserts, removals }
  }

  /** Every position that differs from the baseline, by id: its row now, or null when removed. */
  private difference(base: Baseline, book: Book): Map<string, PositionRow | null> {
    const stored = base.columns
    const changed = new Map<string, PositionRow | null>()
    let aligned = stored.length === book.length
    for (let i = 0; i < book.length; i++) {
      if (i < stored.length && stored.ids[i] === book.ids[i]) {
        if (!sameRow(base, i, book, i)) changed.set(book.ids[i], positionAt(book, i))
        continue
      }
      aligned = false
      base.ids ??= idIndex(stored.ids, stored.length)
      const j = base.ids.get(book.ids[i])
      if (j === undefined || !sameRow(base, j, book, i))
        changed.set(book.ids[i], positionAt(book, i))
    }
    if (!aligned) {
      const current = idIndex(book.ids, book.length)
      for (let j = 0; j < stored.length; j++)
        if (!current.has(stored.ids[j])) changed.set(stored.ids[j], null)
    }
    return changed
  }
}
