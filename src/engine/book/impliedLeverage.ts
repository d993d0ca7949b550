import { CROSS, INVERSE, type Book } from './columns'

/**
 * A position's leverage: the stated one where the file gave it, else its notional at the mark
 * over its isolated margin. A cross position without a stated leverage has none of its own
 * (its margin is the account's): NaN.
 */
export function impliedLeverage(book: Book, i: number, markPrice: number): number {
  if (!Number.isNaN(book.leverage[i])) return book.leverage[i]
  if (book.marginMode[i] === CROSS) return NaN
  const inverse = book.contract[i] === INVERSE
  const notional = inverse ? book.size[i] : book.size[i] * markPrice
  return notional / (inverse ? book.margin[i] * markPrice : book.margin[i])
}
