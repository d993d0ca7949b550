import type { Book } from '../../engine/book/columns'

/**
 * A book of some positions of another, sharing its string tables and account wallets, so codes
 * mean the same in both and nothing is re-interned. The engine solves margin per isolated
 * position and per cross account, so a gathered book that holds whole accounts gives each
 * position the same liquidation price it has in the full book.
 */
export function gatherBook(book: Book, indices: readonly number[]): Book {
  const n = indices.length
  const capacity = Math.max(1, n)
  const sub: Book = {
    length: n,
    ids: indices.map((i) => book.ids[i]),
    account: new Uint32Array(capacity),
    venue: new Uint16Array(capacity),
    symbol: new Uint16Array(capacity),
    side: new Int8Array(capacity),
    contract: new Uint8Array(capacity),
    marginMode: new Uint8Array(capacity),
    size: new Float64Array(capacity),
    entryPrice: new Float64Array(capacity),
    margin: new Float64Array(capacity),
    leverage: new Float64Array(capacity),
    mmr: new Float64Array(capacity),
    maintenanceAmount: new Float64Array(capacity),
    markPrice: new Float64Array(capacity),
    accounts: book.accounts,
    venues: book.venues,
    symbols: book.symbols,
    walletBalance: book.walletBalance,
    extra: new Map()
  }
  for (let k = 0; k < n; k++) {
    const i = indices[k]
    sub.account[k] = book.account[i]
    sub.venue[k] = book.venue[i]
    sub.symbol[k] = book.symbol[i]
    sub.side[k] = book.side[i]
    sub.contract[k] = book.contract[i]
    sub.marginMode[k] = book.marginMode[i]
    sub.size[k] = book.size[i]
    sub.entryPrice[k] = book.entryPrice[i]
    sub.margin[k] = book.margin[i]
    sub.leverage[k] = book.leverage[i]
    sub.mmr[k] = book.mmr[i]
    sub.maintenanceAmount[k] = book.maintenanceAmount[i]
    sub.markPrice[k] = book.markPrice[i]
  }
  return sub
}
