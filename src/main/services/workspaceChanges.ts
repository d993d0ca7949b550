import { positionAt } from '../../engine/book/book'
import { CROSS, NUMERIC_COLUMNS, type Book } from '../../engine/book/columns'
import type { PositionRow } from '../../engine/book/positionRow'
import { StringIndex } from '../../engine/book/stringIndex'
import type { BookColumns, BookDelta } from '../../shared/workspaceSnapshot'
import type { LiveBook } from './liveBook'

const CODES = ['side', 'contract', 'marginMode'] as const

/** The stored book, with what comparing against it needs built once. */
interface Baseline {
  columns: BookColumns
  /** The live book it was taken from: another book in main means the workspace was replaced. */
  live: LiveBook
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
  for (const column of NUMERIC_COLUMNS)
    if (!Object.is(stored[column][j], book[column][i])) return false
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
  /** Every position that differs from the baseline, by id: its row now, or null when removed. */
  private differences = new Map<string, PositionRow | null>()
  /** The live book's revision `differences` is up to date with. */
  private checkedRevision = 0
  private pending: {
    version: number
    columns: BookColumns
    live: LiveBook
    revision: number
  } | null = null

  /** The stored book is now `columns`, `live` at `revision`: nothing is unsaved. */
  reset(columns: BookColumns, live: LiveBook, revision = live.revision): void {
    const extra = new Map(
      columns.extra.map((column): [string, Map<number, string>] => [
        column.name,
        new Map(Array.from(column.positions, (index, k) => [index, column.values[k]]))
      ])
    )
    this.baseline = { columns, live, extra, ids: null }
    this.reported.clear()
    this.differences = new Map()
    this.checkedRevision = revision
    this.pending = null
  }

  /** A snapshot went to the renderer; it becomes the baseline once the renderer has stored it. */
  taken(version: number, columns: BookColumns, live: LiveBook): void {
    this.pending = { version, columns, live, revision: live.revision }
  }

  /** The renderer stored the snapshot of `version`; false when no such snapshot is pending. */
  saved(version: number): boolean {
    if (this.pending?.version !== version) return false
    const { columns, live, revision } = this.pending
    // Edits since the snapshot are counted from its revision: they are not in the stored book.
    this.reset(columns, live, revision)
    return true
  }

  /** The changes since the last call, or null when `live` is not the stored workspace's book. */
  changes(live: LiveBook): BookDelta | null {
    const base = this.baseline
    if (!base || base.live !== live) return null
    const { book } = live
    this.refresh(base, live)
    const now = this.differences
    const upserts: PositionRow[] = []
    const removals: string[] = []
    for (const [id, row] of now) {
      const text = row ? JSON.stringify(row) : ''
      if (this.reported.get(id) === text) continue
      if (row) upserts.push(row)
      else removals.push(id)
    }
    // Back where the saved book has it: the log must say so, or replay would keep the old entry.
    let currentIds: StringIndex | null = null
    for (const id of this.reported.keys()) {
      if (now.has(id)) continue
      // Not a difference, so it is in the book exactly when the saved book has it.
      base.ids ??= idIndex(base.columns.ids, base.columns.length)
      const stored = base.ids.get(id)
      if (stored === undefined) {
        removals.push(id)
        continue
      }
      let index: number | undefined = stored
      if (book.ids[stored] !== id) index = (currentIds ??= idIndex(book.ids, book.length)).get(id)
      if (index === undefined) removals.push(id)
      else upserts.push(positionAt(book, index))
    }
    this.reported = new Map(
      [...now].map(([id, row]): [string, string] => [id, row ? JSON.stringify(row) : ''])
    )
    return { upserts, removals }
  }

  /**
   * Brings `differences` up to date: only the positions the live book re-solved since the last
   * look can have changed, so one edit of a million positions compares a few rows, not all. A
   * removal (or rows put back) moves indices, and then the whole book is compared again.
   */
  private refresh(base: Baseline, live: LiveBook): void {
    const touched = live.changedSince(this.checkedRevision)
    this.checkedRevision = live.revision
    if (touched === null) {
      this.differences = this.difference(base, live.book)
      return
    }
    const { book } = live
    const stored = base.columns
    for (const i of touched) {
      if (i >= book.length) continue
      const id = book.ids[i]
      let j: number | undefined = i
      if (i >= stored.length || stored.ids[i] !== id) {
        base.ids ??= idIndex(stored.ids, stored.length)
        j = base.ids.get(id)
      }
      if (j !== undefined && sameRow(base, j, book, i)) this.differences.delete(id)
      else this.differences.set(id, positionAt(book, i))
    }
  }

  /** Every position that differs from the baseline, compared in full. */
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
