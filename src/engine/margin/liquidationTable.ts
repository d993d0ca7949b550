import { CROSS, INVERSE, ISOLATED, type Book } from '../book/columns'
import { underlyingOf } from '../market/underlyingOf'
import {
  blankIsolatedPosition,
  hasSeveralRoots,
  isolatedExcess,
  isolatedMaintenance,
  isolatedRoot,
  isolatedRootFromMark,
  type IsolatedPosition
} from './isolatedRoot'
import { excessAt, firstRootFrom, maintenanceAt, type MarginGroup } from './marginGroup'
import {
  blankMarginTerms,
  marginTerms,
  priceVariable,
  writeMarginTerms,
  type MarginTerms
} from './marginTerms'
import { createMaintenanceSource, MaintenanceError } from './maintenanceSource'
import type { TierRegistry } from './tierRegistry'
import { venueFamily, type VenueFamily } from './venueFamily'

/** Market price per underlying asset (BTC, ETH, ...). */
export type MarketPrices = ReadonlyMap<string, number>

export interface LiquidationIssue {
  index: number
  reason: string
}

/**
 * Per position: where it is liquidated and how far away that is. For a cross position the prices
 * are its account's (the account is the unit), taken in the direction that hurts the position.
 * NaN means "none": no liquidation price (e.g. a long whose margin covers a fall to zero).
 */
export interface LiquidationTable {
  liquidationPrice: Float64Array
  bankruptcyPrice: Float64Array
  markPrice: Float64Array
  /** Fraction of the mark the price must move to reach the liquidation price; 0 = liquidatable now. */
  distance: Float64Array
  /** Equity over maintenance margin at the mark (the account's, for cross positions). */
  marginRatio: Float64Array
  /** Cross accounts per market: each position's group, -1 for isolated positions. */
  crossGroup: Int32Array
  crossGroups: CrossGroup[]
  issues: LiquidationIssue[]
}

/** A cross account's positions on one market, liquidated together on a fall or on a rise. */
export interface CrossGroup {
  account: number
  underlying: string
  members: number[]
  /** Both the mark when the account is below maintenance there: liquidatable now. */
  downPrice: number
  upPrice: number
  downBankruptcy: number
  upBankruptcy: number
  /** Wallet plus the unrealised PnL of the account's positions on other markets, at their marks. */
  heldBalance: number
}

/** Terms not yet written: a placeholder to write over. */
const NO_TERMS: MarginTerms = blankMarginTerms('notional', {
  venue: '',
  symbol: '',
  measure: 'notional',
  floors: Float64Array.of(0),
  rates: Float64Array.of(0),
  amounts: Float64Array.of(0),
  maxLeverage: Float64Array.of(NaN)
})

const toPrice = (contract: number, v: number): number =>
  Number.isNaN(v) ? NaN : priceVariable(contract, v)

/** Liquidation direction of a position in price terms: longs are hurt by falls. */
const adverseDirection = (side: number): -1 | 1 => (side > 0 ? -1 : 1)

/** In v = 1/P (inverse), a price fall is a rise of v. */
const variableDirection = (contract: number, priceDirection: -1 | 1): -1 | 1 =>
  contract === INVERSE ? (-priceDirection as -1 | 1) : priceDirection

/** The part of a book a cascade can reach: one market, and one side's isolated positions. */
export interface SolvedPart {
  underlying: string
  /** The side of the isolated positions to solve (longs for a fall); both when absent. */
  isolatedSide?: 1 | -1
}

/**
 * Solves every position's liquidation and bankruptcy prices. With `only`, just the positions a
 * cascade on that market can reach are solved (a cross account is solved whole, its positions
 * elsewhere counted at their marks) and the rest stay NaN with no issue: a shock of one market in
 * one direction needs no more, and a 1M book holds several markets and both sides.
 */
export function computeLiquidationTable(
  book: Book,
  registry: TierRegistry,
  prices: MarketPrices,
  only?: SolvedPart
): LiquidationTable {
  const onlyUnderlying = only?.underlying
  const onlySide = only?.isolatedSide
  const n = book.length
  const table: LiquidationTable = {
    liquidationPrice: new Float64Array(n).fill(NaN),
    bankruptcyPrice: new Float64Array(n).fill(NaN),
    markPrice: new Float64Array(n).fill(NaN),
    distance: new Float64Array(n).fill(NaN),
    marginRatio: new Float64Array(n).fill(NaN),
    crossGroup: new Int32Array(n).fill(-1),
    crossGroups: [],
    issues: []
  }
  const source = createMaintenanceSource(book, registry)
  const underlyings = book.symbols.names.map(underlyingOf)
  const families = book.venues.names.map(venueFamily)
  const marketPrices = underlyings.map((underlying) => prices.get(underlying))
  const terms: (MarginTerms | null)[] = new Array(n).fill(null)
  const scratch = blankIsolatedPosition(NO_TERMS.table)
  const skipped = underlyings.map(
    (underlying) => onlyUnderlying !== undefined && underlying !== onlyUnderlying
  )
  for (let i = 0; i < n; i++) {
    table.markPrice[i] = marketPrices[book.symbol[i]] ?? book.markPrice[i]
    if (
      book.marginMode[i] === ISOLATED &&
      (skipped[book.symbol[i]] || (onlySide !== undefined && book.side[i] !== onlySide))
    )
      continue
    let tiers
    try {
      tiers = source(i)
    } catch (error) {
      if (!(error instanceof MaintenanceError)) throw error
      table.issues.push({ index: i, reason: error.message })
      continue
    }
    if (book.marginMode[i] !== ISOLATED) {
      terms[i] = marginTerms(book, i, familyOf(book, i, families), tiers)
      continue
    }
    const margin = isolatedMargin(book, i)
    if (!(margin >= 0)) {
      table.issues.push({
        index: i,
        reason: `position ${book.ids[i]}: isolated without margin or leverage`
      })
      continue
    }
    writeMarginTerms(scratch, book, i, familyOf(book, i, families), tiers)
    scratch.balance = margin
    solveIsolated(book, i, scratch, table)
  }
  solveCrossAccounts(book, terms, underlyings, table, onlyUnderlying)
  return table
}

/**
 * The margin rule for position `i`: its venue's, except that a position's own `mmr` and
 * `maintenance_amount` apply as given (rate on the notional, less the amount), as they override
 * the venue's table. OKX's rule of no amount belongs to its tables: left to it, an OKX row's
 * amount was dropped without a word.
 */
function familyOf(book: Book, i: number, families: readonly VenueFamily[]): VenueFamily {
  const family = families[book.venue[i]]
  return family === 'flat-tier' && !Number.isNaN(book.mmr[i]) ? 'notional' : family
}

function solveIsolated(
  book: Book,
  i: number,
  position: IsolatedPosition,
  table: LiquidationTable
): void {
  const contract = book.contract[i]
  const mark = table.markPrice[i]
  const priceDirection = adverseDirection(book.side[i])
  const liquidation =
    mark > 0 && hasSeveralRoots(position)
      ? isolatedRootFromMark(
          position,
          priceVariable(contract, mark),
          variableDirection(contract, priceDirection)
        )
      : isolatedRoot(position, priceVariable(contract, book.entryPrice[i]))
  table.liquidationPrice[i] = toPrice(contract, liquidation)
  table.bankruptcyPrice[i] = toPrice(contract, isolatedRoot(position, 0, false))
  if (!(mark > 0)) {
    table.issues.push({
      index: i,
      reason: `position ${book.ids[i]}: no mark price, so no distance to liquidation`
    })
    return
  }
  const v = priceVariable(contract, mark)
  const maintenance = isolatedMaintenance(position, v)
  const equity = isolatedExcess(position, v) + maintenance
  table.marginRatio[i] = maintenance > 0 ? equity / maintenance : Number.MAX_VALUE
  table.distance[i] = distanceTo(mark, table.liquidationPrice[i], priceDirection)
}

/** The isolated margin given, else the initial margin its leverage implies. */
export function isolatedMargin(book: Book, i: number): number {
  const given = book.margin[i]
  if (!Number.isNaN(given)) return given
  const notional =
    book.contract[i] === INVERSE
      ? book.size[i] / book.entryPrice[i]
      : book.size[i] * book.entryPrice[i]
  return notional / book.leverage[i]
}

function distanceTo(mark: number, liquidation: number, priceDirection: -1 | 1): number {
  if (Number.isNaN(liquidation)) return NaN
  return Math.max(0, (priceDirection < 0 ? mark - liquidation : liquidation - mark) / mark)
}

/**
 * The cross positions by account, accounts in the order of their first cross position and each
 * account's positions in book order: `members[starts[a] .. starts[a + 1])` for account code `a`.
 * A counting sort over typed arrays: a 1M book holds 150k cross accounts, and a Map of lists per
 * account was a fifth of the table's time.
 */
function crossMembersByAccount(book: Book): {
  order: Int32Array
  starts: Int32Array
  members: Int32Array
} {
  const accounts = book.accounts.size
  const starts = new Int32Array(accounts + 1)
  const seen: number[] = []
  let count = 0
  for (let i = 0; i < book.length; i++) {
    if (book.marginMode[i] !== CROSS) continue
    const account = book.account[i]
    if (starts[account + 1]++ === 0) seen.push(account)
    count++
  }
  for (let a = 0; a < accounts; a++) starts[a + 1] += starts[a]
  const members = new Int32Array(count)
  const filled = starts.slice(0, accounts)
  for (let i = 0; i < book.length; i++)
    if (book.marginMode[i] === CROSS) members[filled[book.account[i]]++] = i
  return { order: Int32Array.from(seen), starts, members }
}

/** Codes for the underlyings, by symbol code: one number compares where names did. */
function marketCodes(underlyings: readonly string[]): { marketOf: Int32Array; markets: string[] } {
  const codes = new Map<string, number>()
  const marketOf = Int32Array.from(underlyings, (underlying) => {
    let code = codes.get(underlying)
    if (code === undefined) codes.set(underlying, (code = codes.size))
    return code
  })
  return { marketOf, markets: [...codes.keys()] }
}

function solveCrossAccounts(
  book: Book,
  terms: readonly (MarginTerms | null)[],
  underlyings: readonly string[],
  table: LiquidationTable,
  onlyUnderlying: string | undefined
): void {
  const { order, starts, members } = crossMembersByAccount(book)
  const { marketOf, markets } = marketCodes(underlyings)
  /** The market to solve, -1 for all; one the book does not hold leaves nothing to solve. */
  const onlyMarket = onlyUnderlying === undefined ? -1 : markets.indexOf(onlyUnderlying)
  if (onlyUnderlying !== undefined && onlyMarket < 0) return
  const held: number[] = []
  const elsewhere = new HeldElsewhere()
  for (let o = 0; o < order.length; o++) {
    const account = order[o]
    const start = starts[account]
    const end = starts[account + 1]
    held.length = 0
    let reachable = onlyMarket < 0
    let unmargined = false
    let unpriced = false
    for (let k = start; k < end; k++) {
      const i = members[k]
      const market = marketOf[book.symbol[i]]
      if (market === onlyMarket) reachable = true
      if (!held.includes(market)) held.push(market)
      if (!terms[i]) unmargined = true
      if (!(table.markPrice[i] > 0)) unpriced = true
    }
    if (!reachable) continue
    const unsolvable = unmargined
      ? 'a position has no maintenance margin, so the account cannot be solved'
      : unpriced
        ? 'a position has no mark price, so the account cannot be solved'
        : book.contract[members[start]] === INVERSE && held.length > 1
          ? 'an inverse (coin-margined) cross account must hold one coin; split it by coin'
          : null
    // A failed account is reported and skipped; the accounts after it are still solved.
    if (unsolvable !== null) {
      const name = book.accounts.names[account]
      for (let k = start; k < end; k++)
        table.issues.push({ index: members[k], reason: `account ${name}: ${unsolvable}` })
      continue
    }
    for (const market of held) {
      if (onlyMarket >= 0 && market !== onlyMarket) continue
      const onMarket: number[] = []
      for (let k = start; k < end; k++)
        if (marketOf[book.symbol[members[k]]] === market) onMarket.push(members[k])
      const contract = book.contract[onMarket[0]]
      elsewhere.clear()
      for (let k = start; k < end; k++) {
        const j = members[k]
        if (marketOf[book.symbol[j]] !== market)
          elsewhere.add(terms[j]!, priceVariable(contract, table.markPrice[j]))
      }
      const group = { account, underlying: markets[market], onMarket, contract }
      solveCrossGroup(book, group, elsewhere, terms as MarginTerms[], table)
    }
  }
}

/**
 * What a cross account holds on markets other than the one solved, valued at their marks: their
 * excess over maintenance (which backs the solved market's positions) and their equity (which
 * counts toward bankruptcy). One group, its one term swapped position by position.
 */
class HeldElsewhere {
  excess = 0
  equity = 0
  private readonly one: MarginTerms[] = [NO_TERMS]
  private readonly single: MarginGroup = { terms: this.one, balance: 0 }

  clear(): void {
    this.excess = 0
    this.equity = 0
  }

  add(terms: MarginTerms, v: number): void {
    this.one[0] = terms
    const excess = excessAt(this.single, v)
    this.excess += excess
    this.equity += excess + maintenanceAt(this.single, v)
  }
}

interface CrossMarket {
  account: number
  underlying: string
  onMarket: number[]
  contract: number
}

function solveCrossGroup(
  book: Book,
  { account, underlying, onMarket, contract }: CrossMarket,
  { excess: heldExcess, equity: heldEquity }: HeldElsewhere,
  terms: readonly MarginTerms[],
  table: LiquidationTable
): void {
  const wallet = book.walletBalance[account]
  const group: MarginGroup = { terms: onMarket.map((i) => terms[i]), balance: wallet + heldExcess }
  const bankruptcyGroup: MarginGroup = { terms: group.terms, balance: wallet + heldEquity }
  const mark = table.markPrice[onMarket[0]]
  const v = priceVariable(contract, mark)
  const solve = (g: MarginGroup, priceDirection: -1 | 1, withMaintenance: boolean): number =>
    toPrice(
      contract,
      firstRootFrom(g, v, variableDirection(contract, priceDirection), withMaintenance)
    )
  const excess = excessAt(group, v)
  // Below maintenance at the mark, the account is liquidatable now, whichever way the price goes.
  // Judged by the tier at the mark, as the margin ratio is: a walk judges its start by the segment
  // it walks into, which on a band edge is the band below, and walked on past an account under.
  const underwater = excess <= 0
  const crossGroup: CrossGroup = {
    account,
    underlying,
    members: onMarket,
    downPrice: underwater ? mark : solve(group, -1, true),
    upPrice: underwater ? mark : solve(group, 1, true),
    downBankruptcy: solve(bankruptcyGroup, -1, false),
    upBankruptcy: solve(bankruptcyGroup, 1, false),
    heldBalance: bankruptcyGroup.balance
  }
  const groupIndex = table.crossGroups.push(crossGroup) - 1
  const maintenance = maintenanceAt(group, v)
  const equity = excess + maintenance + (heldEquity - heldExcess)
  const accountMaintenance = maintenance + (heldEquity - heldExcess)
  for (const i of onMarket) {
    const priceDirection = adverseDirection(book.side[i])
    table.crossGroup[i] = groupIndex
    table.liquidationPrice[i] = priceDirection < 0 ? crossGroup.downPrice : crossGroup.upPrice
    table.bankruptcyPrice[i] =
      priceDirection < 0 ? crossGroup.downBankruptcy : crossGroup.upBankruptcy
    table.marginRatio[i] = accountMaintenance > 0 ? equity / accountMaintenance : Number.MAX_VALUE
    table.distance[i] = distanceTo(mark, table.liquidationPrice[i], priceDirection)
  }
}
