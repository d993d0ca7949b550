import type { Book } from '../../engine/book/columns'
import { underlyingOf } from '../../engine/market/underlyingOf'

/**
 * Market prices for a book: the most common `mark_price` per underlying in the book, and for
 * markets the book gives no mark, the price the workspace already had. A market with neither
 * stays unpriced: its positions get no distance to liquidation, and the engine says why.
 */
export function marketPricesFor(
  book: Book,
  fallback: ReadonlyMap<string, number>
): Map<string, number> {
  const marks = new Map<string, Map<number, number>>()
  const underlyings = book.symbols.names.map(underlyingOf)
  for (let i = 0; i < book.length; i++) {
    const mark = book.markPrice[i]
    if (!(mark > 0)) continue
    const underlying = underlyings[book.symbol[i]]
    let counts = marks.get(underlying)
    if (!counts) marks.set(underlying, (counts = new Map()))
    counts.set(mark, (counts.get(mark) ?? 0) + 1)
  }
  const prices = new Map<string, number>()
  for (const underlying of new Set(underlyings)) {
    const counts = marks.get(underlying)
    if (counts) {
      const [mostCommon] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]
      prices.set(underlying, mostCommon)
    } else {
      const known = fallback.get(underlying)
      if (known !== undefined) prices.set(underlying, known)
    }
  }
  return prices
}
