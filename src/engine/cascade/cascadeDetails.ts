import type { VenueSlice } from '../../shared/cascadeTypes'
import { INVERSE, type Book } from '../book/columns'
import { isolatedMargin, type LiquidationTable } from '../margin/liquidationTable'
import { UNIT_CROSS, UNIT_ISOLATED, type LiquidationLadder } from './liquidationLadder'
import type { CascadeRun } from './runCascade'

export interface SideTotals {
  count: number
  notional: number
}

export interface AccountLoss {
  account: string
  count: number
  notional: number
  shortfall: number
}

/** Who was liquidated, position by position, and what it cost beyond their margin. */
export interface CascadeDetails {
  long: SideTotals
  short: SideTotals
  byVenue: VenueSlice[]
  byAccount: AccountLoss[]
  liquidatedIds: string[]
  /** Losses beyond margin, in quote: each order filled at the price its round reached. */
  bankruptcyShortfall: number
}

/** Quote notional of a position valued at a price: inverse sizes are already in quote. */
const quoteNotional = (book: Book, i: number, price: number): number =>
  book.contract[i] === INVERSE ? book.size[i] : book.size[i] * price

/** Equity of a position's own PnL at a price, in its margin currency. */
function pnlAt(book: Book, i: number, price: number): number {
  const side = book.side[i]
  if (book.contract[i] === INVERSE)
    return side * book.size[i] * (1 / book.entryPrice[i] - 1 / price)
  return side * book.size[i] * (price - book.entryPrice[i])
}

/** A loss in the margin currency, in quote. */
const inQuote = (book: Book, i: number, amount: number, price: number): number =>
  book.contract[i] === INVERSE ? amount * price : amount

export function cascadeDetails(
  book: Book,
  table: LiquidationTable,
  ladder: LiquidationLadder,
  run: CascadeRun
): CascadeDetails {
  const details: CascadeDetails = {
    long: { count: 0, notional: 0 },
    short: { count: 0, notional: 0 },
    byVenue: [],
    byAccount: [],
    liquidatedIds: [],
    bankruptcyShortfall: 0
  }
  const venues = new Map<string, VenueSlice>()
  const accounts = new Map<number, AccountLoss>()
  const record = (i: number, price: number, shortfall: number): void => {
    const notional = quoteNotional(book, i, price)
    const side = book.side[i] > 0 ? details.long : details.short
    side.count++
    side.notional += notional
    const venue = book.venues.names[book.venue[i]]
    const slice = venues.get(venue) ?? { venue, count: 0, notional: 0 }
    slice.count++
    slice.notional += notional
    venues.set(venue, slice)
    const code = book.account[i]
    const account = accounts.get(code) ?? {
      account: book.accounts.names[code],
      count: 0,
      notional: 0,
      shortfall: 0
    }
    account.count++
    account.notional += notional
    account.shortfall += shortfall
    accounts.set(code, account)
    details.bankruptcyShortfall += shortfall
    details.liquidatedIds.push(book.ids[i])
  }
  let round = 0
  for (let k = 0; k < run.liquidatedUnits; k++) {
    while (k >= run.roundEnds[round]) round++
    const filled = run.roundPrices[round]
    const liquidationPrice = ladder.price[k]
    const ref = ladder.ref[k]
    if (ladder.kind[k] === UNIT_ISOLATED) {
      const equity = isolatedMargin(book, ref) + pnlAt(book, ref, filled)
      record(ref, liquidationPrice, inQuote(book, ref, Math.max(0, -equity), filled))
    } else if (ladder.kind[k] === UNIT_CROSS) {
      const group = table.crossGroups[ref]
      let equity = group.heldBalance
      for (const i of group.members) equity += pnlAt(book, i, filled)
      const shortfall = inQuote(book, group.members[0], Math.max(0, -equity), filled)
      group.members.forEach((i, m) => record(i, liquidationPrice, m === 0 ? shortfall : 0))
    }
  }
  details.byVenue = [...venues.values()].sort((a, b) => b.notional - a.notional)
  details.byAccount = [...accounts.values()].sort((a, b) => b.notional - a.notional)
  return details
}
