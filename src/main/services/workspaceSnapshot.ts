import type { Book } from '../../engine/book/columns'
import type { ImpactSpec } from '../../engine/impact/createImpactModel'
import type { DepthLevels } from '../../engine/impact/depthSnapshot'
import { findTierTable } from '../../engine/margin/tierRegistry'
import type { TierTable } from '../../engine/margin/tierTable'
import type { LiquidationTable } from '../../engine/margin/liquidationTable'
import { ENGINE_VERSION } from '../../engine/version'
import {
  SNAPSHOT_FORMAT,
  type BookColumns,
  type SolvedTable,
  type WorkspaceSnapshot
} from '../../shared/workspaceSnapshot'
import type { LiveBook } from './liveBook'
import type { Workspace } from './workspace'
import { estimateSnapshot } from './workspaceEstimate'

/** The live `[0, length)` of each column, copied: main goes on editing its own arrays. */
export function bookColumns(book: Book): BookColumns {
  const n = book.length
  return {
    length: n,
    ids: book.ids.slice(0, n),
    account: book.account.slice(0, n),
    venue: book.venue.slice(0, n),
    symbol: book.symbol.slice(0, n),
    side: book.side.slice(0, n),
    contract: book.contract.slice(0, n),
    marginMode: book.marginMode.slice(0, n),
    size: book.size.slice(0, n),
    entryPrice: book.entryPrice.slice(0, n),
    margin: book.margin.slice(0, n),
    leverage: book.leverage.slice(0, n),
    mmr: book.mmr.slice(0, n),
    maintenanceAmount: book.maintenanceAmount.slice(0, n),
    markPrice: book.markPrice.slice(0, n),
    accounts: [...book.accounts.names],
    venues: [...book.venues.names],
    symbols: [...book.symbols.names],
    walletBalance: book.walletBalance.slice(0, book.accounts.size),
    extra: [...book.extra].map(([name, values]) => {
      const positions = Uint32Array.from([...values.keys()].sort((a, b) => a - b))
      return { name, positions, values: [...positions].map((index) => values.get(index)!) }
    })
  }
}

export function solvedTable(table: LiquidationTable, length: number): SolvedTable {
  const groups = table.crossGroups
  const underlyings: string[] = []
  const underlyingCode = new Map<string, number>()
  const memberStart = new Uint32Array(groups.length + 1)
  for (let g = 0; g < groups.length; g++)
    memberStart[g + 1] = memberStart[g] + groups[g].members.length
  const members = new Uint32Array(memberStart[groups.length])
  const column = () => new Float64Array(groups.length)
  const solved: SolvedTable['groups'] = {
    account: new Uint32Array(groups.length),
    underlying: new Uint16Array(groups.length),
    underlyings,
    memberStart,
    members,
    downPrice: column(),
    upPrice: column(),
    downBankruptcy: column(),
    upBankruptcy: column(),
    heldBalance: column()
  }
  groups.forEach((group, g) => {
    let code = underlyingCode.get(group.underlying)
    if (code === undefined) {
      underlyingCode.set(group.underlying, (code = underlyings.length))
      underlyings.push(group.underlying)
    }
    solved.account[g] = group.account
    solved.underlying[g] = code
    members.set(group.members, memberStart[g])
    solved.downPrice[g] = group.downPrice
    solved.upPrice[g] = group.upPrice
    solved.downBankruptcy[g] = group.downBankruptcy
    solved.upBankruptcy[g] = group.upBankruptcy
    solved.heldBalance[g] = group.heldBalance
  })
  return {
    engineVersion: ENGINE_VERSION,
    liquidationPrice: table.liquidationPrice.slice(0, length),
    bankruptcyPrice: table.bankruptcyPrice.slice(0, length),
    markPrice: table.markPrice.slice(0, length),
    distance: table.distance.slice(0, length),
    marginRatio: table.marginRatio.slice(0, length),
    crossGroup: table.crossGroup.slice(0, length),
    groups: solved,
    issues: table.issues.map(({ index, reason }) => ({ index, reason }))
  }
}

/**
 * The tier tables the book's positions are margined with, so a reopened book is margined alike.
 * A size table (OKX's) says so; a notional table leaves `measure` out, so a workspace margined by
 * notional only is stored, and exported, as before size tables existed.
 */
function tiersInUse(live: LiveBook): WorkspaceSnapshot['tiers'] {
  const { book, registry } = live
  const pairs = new Set<number>()
  for (let i = 0; i < book.length; i++) pairs.add(book.venue[i] * 65_536 + book.symbol[i])
  const tables = new Set<TierTable>()
  for (const pair of pairs) {
    const venue = book.venues.names[Math.floor(pair / 65_536)]
    const symbol = book.symbols.names[pair % 65_536]
    const table = findTierTable(registry, venue, symbol)
    if (table) tables.add(table)
  }
  return [...tables].map(({ venue, symbol, measure, floors, rates, amounts, maxLeverage }) => ({
    venue,
    symbol,
    ...(measure === 'size' ? { measure } : {}),
    floors: new Float64Array(floors),
    rates: new Float64Array(rates),
    amounts: new Float64Array(amounts),
    maxLeverage: new Float64Array(maxLeverage)
  }))
}

/** A liquidity model as data; a depth snapshot's levels are copied with it. */
function impactSpecData(spec: ImpactSpec): WorkspaceSnapshot['impact'][number]['spec'] {
  if (spec.kind !== 'book') return { ...spec }
  const { bids, asks, mid } = spec.snapshot
  const levels = (side: DepthLevels) => ({
    prices: new Float64Array(side.prices),
    sizes: new Float64Array(side.sizes)
  })
  return { kind: 'book', snapshot: { bids: levels(bids), asks: levels(asks), mid } }
}

/** The workspace main holds, as data to store: everything needed to open it again as it is. */
export function takeSnapshot(workspace: Workspace, version: number): WorkspaceSnapshot {
  const { name, description, source, live: liveBook, lending, impact, estimate } = workspace
  return {
    format: SNAPSHOT_FORMAT,
    name,
    description,
    source,
    version,
    book: bookColumns(liveBook.book),
    solved: solvedTable(liveBook.table, liveBook.length),
    lending: structuredClone(lending),
    prices: [...liveBook.prices].map(([underlying, price]) => ({ underlying, price })),
    impact: [...impact].map(([underlying, spec]) => ({ underlying, spec: impactSpecData(spec) })),
    tiers: tiersInUse(liveBook),
    ...(estimate ? { estimate: estimateSnapshot(estimate) } : {})
  }
}
