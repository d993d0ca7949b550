import { adlListOf } from './adlQueues'
import { autoDeleverage } from './autoDeleverage'
import type { PathObserver } from './pathObserver'
import type { MarketState, PathState } from './pathState'
import type { VenuePlan } from './timelinePlan'

export interface SettleContext {
  m: number
  t: number
  observer: PathObserver
  venues: VenuePlan
  perpVenues: number
  run: RunSettlement
}

/** What settling one run of perp fills leaves for ADL. */
export interface RunSettlement {
  fund: number
  paid: number
  /** Losses the fund could not pay, and the base quantity ADL must close to cover them. */
  deficit: number
  wanted: number
  wantedAtBankruptcy: number
  wantedNotional: number
}

export const emptyRunSettlement = (): RunSettlement => ({
  fund: -0,
  paid: -0,
  deficit: -0,
  wanted: -0,
  wantedAtBankruptcy: -0,
  wantedNotional: -0
})

/** Settles the step's perp fills at its price (lending bad debt is marked to the price, see MarketState). */
export function settleFills(market: MarketState, path: PathState, context: SettleContext): void {
  const venueCount = context.venues.fee.length
  for (let i = 0; i < market.fillCount; i++) {
    const s = market.fillSegment[i]
    const venue = s % venueCount
    const from = market.fillFrom[i]
    const to = market.fillTo[i]
    const share = market.fillShare[i]
    if (venue < context.perpVenues)
      settlePerps(market, path, context, s < venueCount ? 1 : -1, venue, from, to, share)
  }
}

/**
 * A position's equity at the price pays the liquidation fee into its venue's insurance fund, as far
 * as it goes; a loss beyond bankruptcy is paid by the fund; what the fund cannot pay is taken from
 * the opposite side by ADL at the bankruptcy prices (that part never reached the market, so it
 * leaves the impact memory); what ADL cannot find is bad debt.
 */
function settlePerps(
  market: MarketState,
  path: PathState,
  context: SettleContext,
  side: 1 | -1,
  venue: number,
  from: number,
  to: number,
  share: number
): void {
  const { run } = context
  run.fund = path.fund[venue]
  settleRun(market, run, side, context.venues.fee[venue], from, to, share)
  path.fund[venue] = run.fund
  market.insurancePaid += run.paid
  if (run.wanted === 0) return
  const { wanted } = run
  const list = adlListOf(-side, venue, context.venues.fee.length)
  autoDeleverage(market, list, wanted, run.wantedAtBankruptcy / wanted, context)
  const closedShare = market.closedByAdl >= wanted ? 1 : market.closedByAdl / wanted
  market.memoryNotional += side * closedShare * run.wantedNotional
  market.memoryQuantity += side * closedShare * wanted
  market.perpBadDebt += run.deficit * (1 - closedShare)
}

/**
 * The per-position loop, on its own so V8 optimises it alone: positions in slot order, so a fee
 * can refill the fund for the next loss.
 */
function settleRun(
  market: MarketState,
  run: RunSettlement,
  side: 1 | -1,
  feeRate: number,
  from: number,
  to: number,
  share: number
): void {
  const { book, price } = market
  const { bankruptcy, lossQuantity, quantity } = book
  const liquidationPrice = book.price
  let fund = run.fund
  let paid = -0
  let deficit = -0
  let wanted = -0
  let wantedAtBankruptcy = -0
  let wantedNotional = -0
  for (let slot = from; slot < to; slot++) {
    const equity = side * lossQuantity[slot] * share * (price - bankruptcy[slot])
    if (equity >= 0) {
      const fee = feeRate * quantity[slot] * share * price
      fund += fee < equity ? fee : equity
      continue
    }
    const loss = 0 - equity
    const covered = fund < loss ? fund : loss
    fund -= covered
    paid += covered
    const uncovered = loss - covered
    if (uncovered <= 0) continue
    const want = (quantity[slot] * share * uncovered) / loss
    deficit += uncovered
    wanted += want
    wantedAtBankruptcy += want * bankruptcy[slot]
    wantedNotional += want * liquidationPrice[slot]
  }
  run.fund = fund
  run.paid = paid
  run.deficit = deficit
  run.wanted = wanted
  run.wantedAtBankruptcy = wantedAtBankruptcy
  run.wantedNotional = wantedNotional
}
