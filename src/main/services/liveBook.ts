import {
  accountIndex,
  appendPosition,
  editPosition,
  removePositions,
  reorderPositions
} from '../../engine/book/book'
import type { Book } from '../../engine/book/columns'
import type { PositionRow } from '../../engine/book/positionRow'
import {
  computeLiquidationTable,
  type CrossGroup,
  type LiquidationTable,
  type MarketPrices
} from '../../engine/margin/liquidationTable'
import type { TierRegistry } from '../../engine/margin/tierRegistry'
import { CancelledError } from './cancelledError'
import { gatherBook } from './gatherBook'
import { yieldToEventLoop } from './yieldToEventLoop'

/** About 20-30 ms of solving per chunk: long enough to be efficient, short enough to stay live. */
const CHUNK_POSITIONS = 20_000

export interface ChunkOptions {
  signal?: AbortSignal
  /** Fraction of positions solved so far. */
  onProgress?: (fraction: number) => void
}

const PER_POSITION = [
  'liquidationPrice',
  'bankruptcyPrice',
  'markPrice',
  'distance',
  'marginRatio'
] as const

function emptyTable(capacity: number): LiquidationTable {
  const size = Math.max(1, capacity)
  return {
    liquidationPrice: new Float64Array(size).fill(NaN),
    bankruptcyPrice: new Float64Array(size).fill(NaN),
    markPrice: new Float64Array(size).fill(NaN),
    distance: new Float64Array(size).fill(NaN),
    marginRatio: new Float64Array(size).fill(NaN),
    crossGroup: new Int32Array(size).fill(-1),
    crossGroups: [],
    issues: []
  }
}

/** A group left in place with no members and no price: ladders skip it, indices stay put. */
function retire(group: CrossGroup): void {
  Object.assign(group, {
    members: [],
    downPrice: NaN,
    upPrice: NaN,
    downBankruptcy: NaN,
    upBankruptcy: NaN
  })
}

/** Solves the positions at `indices` (whole accounts) and writes their results into `table`. */
function solveInto(
  table: LiquidationTable,
  book: Book,
  indices: readonly number[],
  registry: TierRegistry,
  prices: MarketPrices
): void {
  const solved = computeLiquidationTable(gatherBook(book, indices), registry, prices)
  const groupOffset = table.crossGroups.length
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]
    for (const column of PER_POSITION) table[column][i] = solved[column][k]
    const group = solved.crossGroup[k]
    table.crossGroup[i] = group >= 0 ? group + groupOffset : -1
  }
  for (const group of solved.crossGroups)
    table.crossGroups.push({ ...group, members: group.members.map((k) => indices[k]) })
  for (const issue of solved.issues)
    table.issues.push({ index: indices[issue.index], reason: issue.reason })
}

/**
 * A book with its liquidation table kept current. The first solve runs in chunks of whole
 * accounts, yielding between them; an edit re-solves only the accounts it touches, so a change
 * to one position of a million costs a few milliseconds, not a second.
 */
export class LiveBook {
  /** Positions by account, built on the first edit: a reopened million-row book needs none. */
  private accountMembers: Map<number, number[]> | null
  /** Per change since opening, the positions it re-solved; null where a removal moved indices. */
  private changes: (readonly number[] | null)[] = []

  private constructor(
    readonly book: Book,
    readonly table: LiquidationTable,
    readonly registry: TierRegistry,
    readonly prices: MarketPrices,
    members: Map<number, number[]> | null
  ) {
    this.accountMembers = members
    // Edits look accounts, venues and symbols up out of order: build their hash tables once the
    // book has been handed over, rather than on the first edit.
    setImmediate(() => {
      for (const names of [book.accounts, book.venues, book.symbols]) names.prepareLookups()
    })
  }

  static async open(
    book: Book,
    registry: TierRegistry,
    prices: MarketPrices,
    options: ChunkOptions = {}
  ): Promise<LiveBook> {
    const table = emptyTable(book.length)
    const members = accountIndex(book)
    let chunk: number[] = []
    let solved = 0
    for (const positions of members.values()) {
      for (const i of positions) chunk.push(i)
      if (chunk.length < CHUNK_POSITIONS) continue
      solveInto(table, book, chunk, registry, prices)
      solved += chunk.length
      chunk = []
      options.onProgress?.(solved / book.length)
      await yieldToEventLoop()
      if (options.signal?.aborted) throw new CancelledError()
    }
    if (chunk.length > 0) solveInto(table, book, chunk, registry, prices)
    options.onProgress?.(1)
    return new LiveBook(book, table, registry, prices, members)
  }

  /** A book whose table was solved before (a reopened workspace): nothing is solved again. */
  static restore(
    book: Book,
    table: LiquidationTable,
    registry: TierRegistry,
    prices: MarketPrices
  ): LiveBook {
    return new LiveBook(book, table, registry, prices, null)
  }

  get length(): number {
    return this.book.length
  }

  /** Counts changes, so a cache built on the table can ask what changed since. */
  get revision(): number {
    return this.changes.length
  }

  /** Positions re-solved since `revision`, or null when a removal since then moved indices. */
  changedSince(revision: number): Set<number> | null {
    const changed = new Set<number>()
    for (let k = revision; k < this.changes.length; k++) {
      const positions = this.changes[k]
      if (positions === null) return null
      for (const i of positions) changed.add(i)
    }
    return changed
  }

  /** The positions of one account, by index. */
  accountPositions(account: number): readonly number[] {
    return this.members.get(account) ?? []
  }

  indexOf(id: string): number {
    const { ids, length } = this.book
    for (let i = 0; i < length; i++) if (ids[i] === id) return i
    return -1
  }

  /** Replaces the position at `index`; a cross row's wallet balance becomes its account's. */
  replaceRow(index: number, row: PositionRow): void {
    // The index has to describe the book as it was, so it is built (if still lazy) first.
    const members = this.members
    const before = this.book.account[index]
    this.presetWallet(row)
    editPosition(this.book, index, row)
    const after = this.book.account[index]
    if (after !== before) {
      const old = members.get(before) ?? []
      old.splice(old.indexOf(index), 1)
      this.membersOf(after).push(index)
    }
    this.resolveAccounts([before, after])
  }

  appendRow(row: PositionRow): number {
    // Built before the row is in the book, or the row would be indexed twice.
    void this.members
    this.presetWallet(row)
    const index = appendPosition(this.book, row)
    this.ensureCapacity(index + 1)
    const account = this.book.account[index]
    this.membersOf(account).push(index)
    this.resolveAccounts([account])
    return index
  }

  removeRows(indices: readonly number[]): void {
    const doomed = new Set(indices)
    const accounts = new Set(indices.map((i) => this.book.account[i]))
    const n = this.book.length
    const remap = new Int32Array(n).fill(-1)
    let write = 0
    for (let read = 0; read < n; read++) {
      if (doomed.has(read)) continue
      remap[read] = write
      for (const column of PER_POSITION) this.table[column][write] = this.table[column][read]
      this.table.crossGroup[write] = this.table.crossGroup[read]
      write++
    }
    for (const group of this.table.crossGroups) {
      group.members = group.members.map((i) => remap[i]).filter((i) => i >= 0)
      if (group.members.length === 0) retire(group)
    }
    this.table.issues = this.table.issues
      .map((issue) => ({ ...issue, index: remap[issue.index] }))
      .filter((issue) => issue.index >= 0)
    removePositions(this.book, doomed)
    this.accountMembers = accountIndex(this.book)
    this.resolveAccounts([...accounts])
    this.changes.push(null)
  }

  /**
   * Brings removed rows back at the indices they had, `at` ascending: appended (their accounts
   * re-solved), then every position moved into place, the table and groups with them.
   */
  restoreRows(rows: readonly PositionRow[], at: readonly number[]): void {
    for (const row of rows) this.appendRow(row)
    const n = this.book.length
    const order = new Uint32Array(n)
    const appendedFrom = n - rows.length
    let kept = 0
    let restored = 0
    for (let k = 0; k < n; k++)
      order[k] = restored < at.length && at[restored] === k ? appendedFrom + restored++ : kept++
    const moved = new Int32Array(n)
    order.forEach((from, k) => (moved[from] = k))
    reorderPositions(this.book, order)
    for (const column of PER_POSITION) {
      const before = this.table[column].slice(0, n)
      for (let k = 0; k < n; k++) this.table[column][k] = before[order[k]]
    }
    const groups = this.table.crossGroup.slice(0, n)
    for (let k = 0; k < n; k++) this.table.crossGroup[k] = groups[order[k]]
    for (const group of this.table.crossGroups) group.members = group.members.map((i) => moved[i])
    for (const issue of this.table.issues) issue.index = moved[issue.index]
    this.accountMembers = accountIndex(this.book)
    this.changes.push(null)
  }

  /** `writePosition` refuses a wallet that differs from the account's: an edit sets it first. */
  private presetWallet(row: PositionRow): void {
    if (row.marginMode !== 'cross' || row.walletBalance === null) return
    const code = this.book.accounts.get(row.account)
    if (code !== undefined && code < this.book.walletBalance.length)
      this.book.walletBalance[code] = row.walletBalance
  }

  private get members(): Map<number, number[]> {
    this.accountMembers ??= accountIndex(this.book)
    return this.accountMembers
  }

  private membersOf(account: number): number[] {
    let list = this.members.get(account)
    if (!list) this.members.set(account, (list = []))
    return list
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.table.liquidationPrice.length) return
    const capacity = Math.max(needed, this.table.liquidationPrice.length * 2)
    for (const column of PER_POSITION) {
      const grown = new Float64Array(capacity).fill(NaN)
      grown.set(this.table[column])
      this.table[column] = grown
    }
    const groups = new Int32Array(capacity).fill(-1)
    groups.set(this.table.crossGroup)
    this.table.crossGroup = groups
  }

  /**
   * Re-solves whole accounts. Their old cross groups are retired rather than removed, which
   * would renumber every other group.
   */
  private resolveAccounts(accounts: readonly number[]): void {
    const indices = [...new Set(accounts)].flatMap((account) => this.members.get(account) ?? [])
    const touched = new Set(indices)
    for (const i of indices) {
      const group = this.table.crossGroup[i]
      if (group >= 0) retire(this.table.crossGroups[group])
    }
    this.table.issues = this.table.issues.filter((issue) => !touched.has(issue.index))
    if (indices.length > 0) solveInto(this.table, this.book, indices, this.registry, this.prices)
    this.changes.push(indices)
  }
}
