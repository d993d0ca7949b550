import {
  CROSS,
  INVERSE,
  ISOLATED,
  LINEAR,
  NUMERIC_COLUMNS,
  POSITION_COLUMNS,
  contractOf,
  marginModeOf,
  sideOf,
  type Book
} from './columns'
import type { PositionRow } from './positionRow'
import {
  READ_ENTRY_PRICE,
  READ_LEVERAGE,
  READ_MAINTENANCE_AMOUNT,
  READ_MARGIN,
  READ_MARK_PRICE,
  READ_MMR,
  READ_NUMBERS,
  READ_SIZE,
  READ_WALLET_BALANCE,
  type ReadPositions
} from './readPositions'
import { StringIndex } from './stringIndex'

export class BookError extends Error {
  override name = 'BookError'
}

export function createBook(capacity = 1024): Book {
  const cap = Math.max(1, capacity)
  return {
    length: 0,
    ids: [],
    account: new Uint32Array(cap),
    venue: new Uint16Array(cap),
    symbol: new Uint16Array(cap),
    side: new Int8Array(cap),
    contract: new Uint8Array(cap),
    marginMode: new Uint8Array(cap),
    size: new Float64Array(cap),
    entryPrice: new Float64Array(cap),
    margin: new Float64Array(cap),
    leverage: new Float64Array(cap),
    mmr: new Float64Array(cap),
    maintenanceAmount: new Float64Array(cap),
    markPrice: new Float64Array(cap),
    accounts: new StringIndex(),
    venues: new StringIndex(),
    symbols: new StringIndex(),
    walletBalance: new Float64Array(16).fill(NaN),
    extra: new Map()
  }
}

export function buildBook(rows: readonly PositionRow[]): Book {
  const book = createBook(rows.length)
  for (const row of rows) appendPosition(book, row)
  return book
}

function grown<T extends Float64Array | Uint32Array | Uint16Array | Int8Array | Uint8Array>(
  array: T,
  capacity: number
): T {
  const next = new (array.constructor as new (n: number) => T)(capacity)
  next.set(array)
  return next
}

function ensureCapacity(book: Book, needed: number): void {
  if (needed <= book.size.length) return
  const capacity = Math.max(needed, book.size.length * 2)
  book.account = grown(book.account, capacity)
  book.venue = grown(book.venue, capacity)
  book.symbol = grown(book.symbol, capacity)
  book.side = grown(book.side, capacity)
  book.contract = grown(book.contract, capacity)
  book.marginMode = grown(book.marginMode, capacity)
  for (const column of NUMERIC_COLUMNS) book[column] = grown(book[column], capacity)
}

const optional = (value: number): number | null => (Number.isNaN(value) ? null : value)

function setAccountBalance(book: Book, accountCode: number, balance: number | null): void {
  if (accountCode >= book.walletBalance.length) {
    const next = new Float64Array(Math.max(accountCode + 1, book.walletBalance.length * 2)).fill(
      NaN
    )
    next.set(book.walletBalance)
    book.walletBalance = next
  }
  if (balance === null) return
  const current = book.walletBalance[accountCode]
  if (!Number.isNaN(current) && current !== balance) {
    throw new BookError(
      `account ${book.accounts.names[accountCode]}: wallet_balance ${balance} differs from ${current} given on another row`
    )
  }
  book.walletBalance[accountCode] = balance
}

function writePosition(book: Book, index: number, row: PositionRow): void {
  const account = book.accounts.intern(row.account)
  setAccountBalance(book, account, row.marginMode === 'cross' ? row.walletBalance : null)
  book.ids[index] = row.id
  book.account[index] = account
  book.venue[index] = book.venues.intern(row.venue)
  book.symbol[index] = book.symbols.intern(row.symbol)
  book.side[index] = row.side
  book.contract[index] = row.contract === 'inverse' ? INVERSE : LINEAR
  book.marginMode[index] = row.marginMode === 'cross' ? CROSS : ISOLATED
  book.size[index] = row.size
  book.entryPrice[index] = row.entryPrice
  book.margin[index] = row.margin ?? NaN
  book.leverage[index] = row.leverage ?? NaN
  book.mmr[index] = row.mmr ?? NaN
  book.maintenanceAmount[index] = row.maintenanceAmount ?? NaN
  book.markPrice[index] = row.markPrice ?? NaN
  // Most books have no extra columns: skip the iterators a million appends would make.
  if (book.extra.size > 0) for (const columns of book.extra.values()) columns.delete(index)
  if (row.extra === undefined) return
  for (const [name, value] of Object.entries(row.extra)) {
    let column = book.extra.get(name)
    if (!column) book.extra.set(name, (column = new Map()))
    column.set(index, value)
  }
}

/** Appends one position; returns its index. */
export function appendPosition(book: Book, row: PositionRow): number {
  ensureCapacity(book, book.length + 1)
  const index = book.length
  writePosition(book, index, row)
  book.length = index + 1
  return index
}

/**
 * Appends position `k` of `read` under the id and account given; returns its index. `venue` and
 * `symbol` are the book's codes for its names, or -1 to have them looked up (and added). As
 * appendPosition, throws BookError when a cross wallet balance differs from the account's (the
 * account's name is then kept, nothing else).
 */
export function appendReadPosition(
  book: Book,
  read: ReadPositions,
  k: number,
  id: string,
  account: string,
  venue: number,
  symbol: number
): number {
  ensureCapacity(book, book.length + 1)
  const index = book.length
  const numbers = read.numbers
  const at = k * READ_NUMBERS
  const accountCode = book.accounts.intern(account)
  const cross = read.cross[k] === 1
  setAccountBalance(book, accountCode, cross ? optional(numbers[at + READ_WALLET_BALANCE]) : null)
  book.ids[index] = id
  book.account[index] = accountCode
  book.venue[index] = venue >= 0 ? venue : book.venues.intern(read.venueName(read.venue[k]))
  book.symbol[index] = symbol >= 0 ? symbol : book.symbols.intern(read.symbolName(read.symbol[k]))
  book.side[index] = read.side[k]
  book.contract[index] = read.inverse[k] === 1 ? INVERSE : LINEAR
  book.marginMode[index] = cross ? CROSS : ISOLATED
  book.size[index] = numbers[at + READ_SIZE]
  book.entryPrice[index] = numbers[at + READ_ENTRY_PRICE]
  book.margin[index] = numbers[at + READ_MARGIN]
  book.leverage[index] = numbers[at + READ_LEVERAGE]
  book.mmr[index] = numbers[at + READ_MMR]
  book.maintenanceAmount[index] = numbers[at + READ_MAINTENANCE_AMOUNT]
  book.markPrice[index] = numbers[at + READ_MARK_PRICE]
  book.length = index + 1
  return index
}

/** Replaces the position at `index` with `row`. */
export function editPosition(book: Book, index: number, row: PositionRow): void {
  if (index < 0 || index >= book.length) throw new BookError(`no position at index ${index}`)
  writePosition(book, index, row)
}

/** Removes the positions at the given indices, keeping the order of the rest. */
export function removePositions(book: Book, indices: Iterable<number>): void {
  const doomed = new Set(indices)
  let write = 0
  const remap = new Map<number, number>()
  for (let read = 0; read < book.length; read++) {
    if (doomed.has(read)) continue
    if (write !== read) {
      book.ids[write] = book.ids[read]
      book.account[write] = book.account[read]
      book.venue[write] = book.venue[read]
      book.symbol[write] = book.symbol[read]
      book.side[write] = book.side[read]
      book.contract[write] = book.contract[read]
      book.marginMode[write] = book.marginMode[read]
      for (const column of NUMERIC_COLUMNS) book[column][write] = book[column][read]
    }
    remap.set(read, write)
    write++
  }
  book.ids.length = write
  book.length = write
  for (const [name, column] of book.extra) {
    const moved = new Map<number, string>()
    for (const [index, value] of column) {
      const target = remap.get(index)
      if (target !== undefined) moved.set(target, value)
    }
    book.extra.set(name, moved)
  }
}

/**
 * Puts the positions in a new order: `order[k]` is the index, before, of the position that
 * goes to index `k`. Undoing a deletion appends the rows back and then moves them home.
 */
export function reorderPositions(book: Book, order: Uint32Array): void {
  if (order.length !== book.length)
    throw new BookError(`a reorder needs ${book.length} indices, got ${order.length}`)
  const ids = book.ids.slice()
  for (let k = 0; k < order.length; k++) book.ids[k] = ids[order[k]]
  for (const column of POSITION_COLUMNS) {
    const before = book[column].slice(0, book.length)
    for (let k = 0; k < order.length; k++) book[column][k] = before[order[k]]
  }
  for (const [name, column] of book.extra) {
    const at = new Map<number, number>()
    order.forEach((from, k) => at.set(from, k))
    book.extra.set(name, new Map([...column].map(([index, value]) => [at.get(index)!, value])))
  }
}

export function positionAt(book: Book, index: number): PositionRow {
  if (index < 0 || index >= book.length) throw new BookError(`no position at index ${index}`)
  const account = book.account[index]
  const extra: Record<string, string> = {}
  for (const [name, column] of book.extra) {
    const value = column.get(index)
    if (value !== undefined) extra[name] = value
  }
  const cross = book.marginMode[index] === CROSS
  return {
    id: book.ids[index],
    account: book.accounts.names[account],
    venue: book.venues.names[book.venue[index]],
    symbol: book.symbols.names[book.symbol[index]],
    contract: contractOf(book.contract[index]),
    side: sideOf(book.side[index]),
    size: book.size[index],
    entryPrice: book.entryPrice[index],
    marginMode: marginModeOf(book.marginMode[index]),
    margin: optional(book.margin[index]),
    leverage: optional(book.leverage[index]),
    mmr: optional(book.mmr[index]),
    maintenanceAmount: optional(book.maintenanceAmount[index]),
    walletBalance: cross ? optional(book.walletBalance[account]) : null,
    markPrice: optional(book.markPrice[index]),
    ...(Object.keys(extra).length > 0 ? { extra } : {})
  }
}

/** Position indices grouped by account code, for cross-margin accounting. */
export function accountIndex(book: Book): Map<number, number[]> {
  const byAccount = new Map<number, number[]>()
  for (let i = 0; i < book.length; i++) {
    const account = book.account[i]
    let members = byAccount.get(account)
    if (!members) byAccount.set(account, (members = []))
    members.push(i)
  }
  return byAccount
}
