import { CROSS, INVERSE, ISOLATED, type Book } from '../book/columns'
import { underlyingOf } from '../market/underlyingOf'
import {
  isolatedExcess,
  isolatedMaintenance,
  isolatedRoot,
  type IsolatedPosition
} from './isolatedRoot'
import { excessAt, firstRootFrom, maintenanceAt, type MarginGroup } from './marginGroup'
import { marginTerms, priceVariable, writeMarginTerms, type MarginTerms } from './marginTerms'
import { createMaintenanceSource, MaintenanceError } from './maintenanceSource'
import type { TierRegistry } from './tierRegistry'
import { venueFamily } from './venueFamily'

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
  downPrice: number
  upPrice: number
  downBankruptcy: number
  upBankruptcy: number
  /** Wallet plus the unrealised PnL of the account's positions on other markets, at their marks. */
  heldBalance: number
}

const ZERO_TERMS: MarginTerms = {
  equitySlope: 0,
  equityConstant: 0,
  notionalWeight: 0,
  entryNotional: 0,
  family: 'notional',
  table: {
    venue: '',
    symbol: '',
    measure: 'notional',
    floors: Float64Array.of(0),
    rates: Float64Array.of(0),
    amounts: Float64Array.of(0),
    maxLeverage: Float64Array.of(NaN)
  }
}

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
  const scratch: IsolatedPosition = { ...ZERO_TERMS, balance: 0 }
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
      terms[i] = marginTerms(book, i, families[book.venue[i]], tiers)
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
    writeMarginTerms(scratch, book, i, families[book.venue[i]], tiers)
    scratch.balance = margin
    solveIsolated(book, i, scratch, table)
  }
  solveCrossAccounts(book, terms, underlyings, table, onlyUnderlying)
  return table
}

function solveIsolated(
  book: Book,
  i: number,
  position: IsolatedPosition,
  table: LiquidationTable
): void {
  const contract = book.contract[i]
  table.liquidationPrice[i] = toPrice(
    contract,
    isolatedRoot(position, priceVariable(contract, book.entryPrice[i]))
  )
  table.bankruptcyPrice[i] = toPrice(contract, isolatedRoot(position, 0, false))
  const mark = table.markPrice[i]
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
  table.distance[i] = distanceTo(mark, table.liquidationPrice[i], adverseDirection(book.side[i]))
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

function solveCrossAccounts(
  book: Book,
  terms: readonly (MarginTerms | null)[],
  underlyings: readonly string[],
  table: LiquidationTable,
  onlyUnderlying: string | undefined
): void {
  const crossByAccount = new Map<number, number[]>()
  for (let i = 0; i < book.length; i++) {
    if (book.marginMode[i] !== CROSS) continue
    const members = crossByAccount.get(book.account[i])
    if (members) members.push(i)
    else crossByAccount.set(book.account[i], [i])
  }
  const solved = (i: number): boolean =>
    onlyUnderlying === undefined || underlyings[book.symbol[i]] === onlyUnderlying
  for (const [account, cross] of crossByAccount) {
    if (!cross.some(solved)) continue
    const name = book.accounts.names[account]
    const fail = (reason: string): void => {
      for (const i of cross) table.issues.push({ index: i, reason: `account ${name}: ${reason}` })
    }
    // A failed account is reported and skipped; the accounts after it are still solved.
    if (cross.some((i) => !terms[i])) {
      fail('a position has no maintenance margin, so the account cannot be solved')
      continue
    }
    if (cross.some((i) => !(table.markPrice[i] > 0))) {
      fail('a position has no mark price, so the account cannot be solved')
      continue
    }
    const contract = book.contract[cross[0]]
    const markets = new Map<string, number[]>()
    for (const i of cross) {
      const market = underlyings[book.symbol[i]]
      const list = markets.get(market)
      if (list) list.push(i)
      else markets.set(market, [i])
    }
    if (contract === INVERSE && markets.size > 1) {
      fail('an inverse (coin-margined) cross account must hold one coin; split it by coin')
      continue
    }
    for (const [underlying, onMarket] of markets) {
      if (!solved(onMarket[0])) continue
      const others = cross.filter((i) => !onMarket.includes(i))
      solveCrossGroup(book, account, underlying, onMarket, others, terms as MarginTerms[], table)
    }
  }
}

function solveCrossGroup(
  book: Book,
  account: number,
  underlying: string,
  onMarket: number[],
  others: number[],
  terms: readonly MarginTerms[],
  table: LiquidationTable
): void {
  const contract = book.contract[onMarket[0]]
  const wallet = book.walletBalance[account]
  let heldExcess = 0
  let heldEquity = 0
  // One group, its one term swapped position by position: the accounts' other positions are many.
  const one: MarginTerms[] = [ZERO_TERMS]
  const single: MarginGroup = { terms: one, balance: 0 }
  for (let k = 0; k < others.length; k++) {
    const j = others[k]
    one[0] = terms[j]
    const v = priceVariable(contract, table.markPrice[j])
    const excess = excessAt(single, v)
    heldExcess += excess
    heldEquity += excess + maintenanceAt(single, v)
  }
  const group: MarginGroup = { terms: onMarket.map((i) => terms[i]), balance: wallet + heldExcess }
  const bankruptcyGroup: MarginGroup = { terms: group.terms, balance: wallet + heldEquity }
  const mark = table.markPrice[onMarket[0]]
  const v = priceVariable(contract, mark)
  const solve = (g: MarginGroup, priceDirection: -1 | 1, withMaintenance: boolean): number =>
    toPrice(
      contract,
      firstRootFrom(g, v, variableDirection(contract, priceDirection), withMaintenance)
    )
  const crossGroup: CrossGroup = {
    account,
    underlying,
    members: onMarket,
    downPrice: solve(group, -1, true),
    upPrice: solve(group, 1, true),
    downBankruptcy: solve(bankruptcyGroup, -1, false),
    upBankruptcy: solve(bankruptcyGroup, 1, false),
    heldBalance: bankruptcyGroup.balance
  }
  const groupIndex = table.crossGroups.push(crossGroup) - 1
  const maintenance = maintenanceAt(group, v)
  const equity = excessAt(group, v) + maintenance + (heldEquity - heldExcess)
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
