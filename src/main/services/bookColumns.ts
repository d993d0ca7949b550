import { CROSS, INVERSE } from '../../engine/book/columns'
import type { NumberColumn, TextColumn } from '../../shared/bookRow'
import type { LiveBook } from './liveBook'

/** A column's number for position `i`; NaN when it has none. */
export type NumberReader = (i: number) => number
export type TextReader = (i: number) => string

/** How each numeric column is read from the book and its liquidation table, without a row object. */
export function numberReader(live: LiveBook, column: NumberColumn): NumberReader {
  const { book, table } = live
  switch (column) {
    case 'walletBalance':
      return (i) => (book.marginMode[i] === CROSS ? book.walletBalance[book.account[i]] : NaN)
    case 'notional':
      return (i) =>
        book.contract[i] === INVERSE ? book.size[i] : book.size[i] * table.markPrice[i]
    case 'marginRatio':
      // The engine's MAX_VALUE stands for "no maintenance margin": no ratio to show or sort by.
      return (i) => (table.marginRatio[i] === Number.MAX_VALUE ? NaN : table.marginRatio[i])
    case 'markPrice':
    case 'liquidationPrice':
    case 'bankruptcyPrice':
    case 'distance':
      return (i) => table[column][i]
    default:
      return (i) => book[column][i]
  }
}

export function textReader(live: LiveBook, column: TextColumn): TextReader {
  const { book } = live
  switch (column) {
    case 'id':
      return (i) => book.ids[i]
    case 'account':
      return (i) => book.accounts.names[book.account[i]]
    case 'venue':
      return (i) => book.venues.names[book.venue[i]]
    case 'symbol':
      return (i) => book.symbols.names[book.symbol[i]]
    case 'contract':
      return (i) => (book.contract[i] === INVERSE ? 'inverse' : 'linear')
    case 'side':
      return (i) => (book.side[i] > 0 ? 'long' : 'short')
    case 'marginMode':
      return (i) => (book.marginMode[i] === CROSS ? 'cross' : 'isolated')
  }
}
