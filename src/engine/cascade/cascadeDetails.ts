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

/**
 * A position's PnL at a price, in quote. For inverse contracts the coin PnL times the price,
 * written without 1/price so that a cascade that ends at 0 gives the finite loss -size.
 */
function pnlInQuote(book: Book, i: number, price: number): number {
  const side = book.side[i]
  if (book.contract[i] === INVERSE) return side * book.size[i] * (price / book.entryPrice[i] - 1)
  return side * book.size[i] * (price - book.entryPrice[i])
}

/** A balance in the position's margin currency, in quote. */
const balanceInQuote = (book: Book, i: number, balance: number, price: number): number =>
  book.contract[i] === INVERSE ? balance * price : balance

export function cascadeDetails(
  book: Book,
  table: LiquidationTable,
  ladder: LiquidationLadder,
  run: CascadeRun,
  options: { perPosition: boolean } = { perPosition: true }
): CascadeDetails {
  const details: CascadeDetails = {
    long: { count: 0, notional: 0 },
    short: { count: 0, notional: 0 },
    byVenue: [],
    byAccount: [],
    liquidatedIds: [],
    bankruptcyShortfall: 0
  }
  // Totals by venue and account code in typed arrays: a big cascade liquidates 300k accounts.
  const venueCount = new Uint32Array(book.venues.size)
  const venueNotional = new Float64Array(book.venues.size)
  const accountCount = new Uint32Array(book.accounts.size)
  const accountNotional = new Float64Array(book.accounts.size)
  const accountShortfall = new Float64Array(book.accounts.size)
  const touched: number[] = []
  const record = (i: number, price: number, shortfall: number): void => {
    const notional = quoteNotional(book, i, price)
    const side = book.side[i] > 0 ? details.long : details.short
    side.count++
    side.notional += notional
    venueCount[book.venue[i]]++
    venueNotional[book.venue[i]] += notional
    const account = book.account[i]
    details.bankruptcyShortfall += shortfall
    // Who exactly, by account and id, is what a report needs and a screen of totals does not.
    if (!options.perPosition) return
    if (accountCount[account]++ === 0) touched.push(account)
    accountNotional[account] += notional
    accountShortfall[account] += shortfall
    details.liquidatedIds.push(book.ids[i])
  }
  let round = 0
  for (let k = 0; k < run.liquidatedUnits; k++) {
    while (k >= run.roundEnds[round]) round++
    const filled = run.roundPrices[round]
    const liquidationPrice = ladder.price[k]
    const ref = ladder.ref[k]
    if (ladder.kind[k] === UNIT_ISOLATED) {
      const equity =
        balanceInQuote(book, ref, isolatedMargin(book, ref), filled) + pnlInQuote(book, ref, filled)
      record(ref, liquidationPrice, Math.max(0, -equity))
    } else if (ladder.kind[k] === UNIT_CROSS) {
      const group = table.crossGroups[ref]
      let equity = balanceInQuote(book, group.members[0], group.heldBalance, filled)
      for (const i of group.members) equity += pnlInQuote(book, i, filled)
      const shortfall = Math.max(0, -equity)
      for (let m = 0; m < group.members.length; m++)
        record(group.members[m], liquidationPrice, m === 0 ? shortfall : 0)
    }
  }
  for (let venue = 0; venue < venueCount.length; venue++) {
    if (venueCount[venue] === 0) continue
    details.byVenue.push({
      venue: book.venues.names[venue],
      count: venueCount[venue],
      notional: venueNotional[venue]
    })
  }
  details.byVenue.sort((a, b) => b.notional - a.notional)
  details.byAccount = touched
    .map((account) => ({
      account: book.accounts.names[account],
      count: accountCount[account],
      notional: accountNotional[account],
      shortfall: accountShortfall[account]
    }))
    .sort((a, b) => b.notional - a.notional)
  return details
}
