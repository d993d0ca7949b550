import { positionAt } from '../../engine/book/book'
import { INVERSE, LINEAR } from '../../engine/book/columns'
import type { PositionRow } from '../../engine/book/positionRow'
import { findTierTable } from '../../engine/margin/tierRegistry'
import { underlyingOf } from '../../engine/market/underlyingOf'
import type {
  BookDeleteResult,
  BookEditResult,
  HistoryState,
  HistoryStep
} from '../../shared/bookEdit'
import type { BookQuery } from '../../shared/bookQuery'
import type { BookRow } from '../../shared/bookRow'
import type { BookSummary } from '../../shared/bookSummary'
import type { BookChange, BookPage, InvokeRequest } from '../../shared/contract'
import type { MarketInfo, WorkspaceInfo } from '../../shared/workspaceInfo'
import { bookRowReader } from './bookRows'
import { summarizeBook } from './bookSummary'
import { BookViews } from './bookView'
import { EditHistory, type HistoryEntry } from './editHistory'
import { impactDefaultsFor } from './impactDefaults'
import { editedRow } from './positionEdit'
import type { Workspace } from './workspace'

export type BookChangeListener = (change: BookChange) => void

/**
 * Holds the current workspace and every change to its book: edits validated like imported
 * cells, additions and deletions, all undoable. Each change bumps the version, which every
 * cached view, summary and ladder keys on, and is announced to the renderer.
 */
export class BookService {
  private history = new EditHistory()
  private views = new BookViews()
  private summaryCache: BookSummary | null = null
  private version = 1
  private addedCount = 0

  constructor(
    private workspace: Workspace,
    private readonly announce: BookChangeListener
  ) {}

  get current(): Workspace {
    return this.workspace
  }

  get currentVersion(): number {
    return this.version
  }

  /** Swaps in a new workspace (sample or import): history does not reach across books. */
  replace(workspace: Workspace, reason: 'open' | 'import' | 'merge'): void {
    this.workspace = workspace
    this.history.clear()
    this.changed(reason)
  }

  info(): WorkspaceInfo {
    const { name, description, source, live, lending, impact } = this.workspace
    const summary = this.summary()
    const openInterest = new Map<string, { positions: number; long: number; short: number }>()
    for (const group of summary.bySymbol) {
      const underlying = underlyingOf(group.key)
      const market = openInterest.get(underlying) ?? { positions: 0, long: 0, short: 0 }
      market.positions += group.positions
      market.long += group.longNotional
      market.short += group.shortNotional
      openInterest.set(underlying, market)
    }
    const markets: MarketInfo[] = [...live.prices]
      .filter(([underlying]) => openInterest.has(underlying))
      .map(([underlying, price]) => {
        const oi = openInterest.get(underlying)!
        return {
          underlying,
          price,
          positions: oi.positions,
          longNotional: oi.long,
          shortNotional: oi.short,
          impact: impactDefaultsFor(underlying, price, oi.long + oi.short, impact)
        }
      })
      .sort((a, b) => b.longNotional + b.shortNotional - (a.longNotional + a.shortNotional))
    return {
      name,
      description,
      source,
      version: this.version,
      positions: live.length,
      lendingPositions: lending.length,
      markets
    }
  }

  page({ query, offset, limit }: InvokeRequest<'book:page'>): BookPage {
    const live = this.workspace.live
    const order = this.views.order(live, query, this.version)
    const total = order === null ? live.length : order.length
    const end = Math.min(total, offset + limit)
    const read = bookRowReader(live)
    const rows: BookRow[] = []
    for (let k = offset; k < end; k++) rows.push(read(order === null ? k : order[k]))
    return { rows, total, version: this.version }
  }

  /** Where a position sits in a query's order, so the grid can scroll to it. */
  locate(query: BookQuery, id: string): number | null {
    const live = this.workspace.live
    const index = live.indexOf(id)
    if (index < 0) return null
    const order = this.views.order(live, query, this.version)
    if (order === null) return index
    const at = order.indexOf(index)
    return at < 0 ? null : at
  }

  summary(): BookSummary {
    if (this.summaryCache?.version !== this.version) {
      const { live, lending } = this.workspace
      this.summaryCache = summarizeBook(live, lending, this.version)
    }
    return this.summaryCache
  }

  edit({ id, column, value }: InvokeRequest<'book:edit'>): BookEditResult {
    const live = this.workspace.live
    const index = live.indexOf(id)
    if (index < 0) return { ok: false, column, message: `no position ${id} in the book` }
    const before = this.withAccountWallet(positionAt(live.book, index))
    const edited = editedRow(before, column, value)
    if (!edited.ok) return { ok: false, column, message: edited.message }
    const refused = this.refusal(edited.row, index)
    if (refused) return { ok: false, column, message: refused }
    const after = edited.row
    this.apply('edit', {
      label: `edit ${column} of ${id}`,
      redo: () => live.replaceRow(this.indexOrThrow(before.id), after),
      undo: () => live.replaceRow(this.indexOrThrow(after.id), before)
    })
    return { ok: true, row: bookRowReader(live)(live.indexOf(after.id)) }
  }

  /** A $10k long on the busiest market at its price, 10x isolated: a start the user then edits. */
  add(): { row: BookRow } {
    const live = this.workspace.live
    const template = this.templateRow()
    this.apply('add', {
      label: `add ${template.id}`,
      redo: () => live.appendRow(template),
      undo: () => live.removeRows([this.indexOrThrow(template.id)])
    })
    return { row: bookRowReader(live)(live.indexOf(template.id)) }
  }

  delete(ids: readonly string[]): BookDeleteResult {
    const live = this.workspace.live
    const indices = [...new Set(ids)].map((id) => live.indexOf(id)).filter((i) => i >= 0)
    if (indices.length === 0) return { deleted: 0 }
    indices.sort((a, b) => a - b)
    const rows = indices.map((i) => positionAt(live.book, i))
    const label =
      rows.length === 1
        ? `delete ${rows[0].id}`
        : `delete ${rows.length.toLocaleString()} positions`
    this.apply('delete', {
      label,
      redo: () => live.removeRows(rows.map((row) => this.indexOrThrow(row.id))),
      undo: () => live.restoreRows(rows, indices)
    })
    return { deleted: rows.length }
  }

  undo(): HistoryStep {
    const applied = this.history.undo()
    if (applied) this.changed('undo')
    return { applied }
  }

  redo(): HistoryStep {
    const applied = this.history.redo()
    if (applied) this.changed('redo')
    return { applied }
  }

  historyState(): HistoryState {
    return this.history.state()
  }

  private apply(reason: 'edit' | 'add' | 'delete', entry: HistoryEntry): void {
    entry.redo()
    this.history.record(entry)
    this.changed(reason)
  }

  private changed(reason: BookChange['reason']): void {
    this.version++
    this.announce({
      version: this.version,
      positions: this.workspace.live.length,
      workspaceName: this.workspace.name,
      reason,
      history: this.history.state()
    })
  }

  private indexOrThrow(id: string): number {
    const index = this.workspace.live.indexOf(id)
    if (index < 0) throw new Error(`position ${id} is no longer in the book`)
    return index
  }

  /** An isolated row carries its account's cross wallet, so switching it to cross joins it. */
  private withAccountWallet(row: PositionRow): PositionRow {
    if (row.marginMode === 'cross') return row
    const book = this.workspace.live.book
    const code = book.accounts.get(row.account)
    const wallet = code === undefined ? NaN : book.walletBalance[code]
    return Number.isNaN(wallet) ? row : { ...row, walletBalance: wallet }
  }

  /** What only the book as a whole can refuse, worded like the importer's row errors. */
  private refusal(row: PositionRow, index: number): string | null {
    const live = this.workspace.live
    const { book, registry } = live
    const clash = live.indexOf(row.id)
    if (clash >= 0 && clash !== index) return `duplicate id "${row.id}": another position has it`
    const account = book.accounts.get(row.account)
    const partners = account === undefined ? [] : live.accountPositions(account)
    const other = partners.find((i) => i !== index)
    if (other !== undefined) {
      const contract = book.contract[other] === INVERSE ? 'inverse' : 'linear'
      if (contract !== row.contract)
        return `account "${row.account}" holds ${contract} contracts: its margin is in one currency, so a ${row.contract} position needs another account`
    }
    if (row.mmr === null && !findTierTable(registry, row.venue, row.symbol))
      return `no maintenance margin: no tier table for ${row.venue} ${row.symbol}; give an mmr`
    return null
  }

  private templateRow(): PositionRow {
    const { book, registry } = this.workspace.live
    const [market] = this.info().markets
    const underlying = market?.underlying ?? 'BTC'
    const price = market?.price ?? 1
    let model = -1
    for (let i = 0; i < book.length && model < 0; i++) {
      const onMarket = underlyingOf(book.symbols.names[book.symbol[i]]) === underlying
      if (onMarket && book.contract[i] === LINEAR) model = i
    }
    const venue = model >= 0 ? book.venues.names[book.venue[model]] : 'binance'
    const symbol = model >= 0 ? book.symbols.names[book.symbol[model]] : `${underlying}USDT`
    let id: string
    do id = `NEW-${++this.addedCount}`
    while (this.workspace.live.indexOf(id) >= 0)
    const size = Number((10_000 / price).toPrecision(2))
    const leverage = 10
    return {
      id,
      account: id,
      venue,
      symbol,
      contract: 'linear',
      side: 1,
      size,
      entryPrice: price,
      marginMode: 'isolated',
      margin: (size * price) / leverage,
      leverage,
      mmr: findTierTable(registry, venue, symbol) ? null : 0.005,
      maintenanceAmount: null,
      walletBalance: null,
      markPrice: null
    }
  }
}
