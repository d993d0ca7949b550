import {
  CROSS,
  INVERSE,
  ISOLATED,
  LINEAR,
  POSITION_COLUMNS,
  type Book
} from '../../engine/book/columns'
import { StringIndex } from '../../engine/book/stringIndex'
import type { PositionRow } from '../../engine/book/positionRow'
import type { ImpactSpec } from '../../engine/impact/createImpactModel'
import type { CrossGroup, LiquidationTable } from '../../engine/margin/liquidationTable'
import { createTierRegistry, tierKey, type TierRegistry } from '../../engine/margin/tierRegistry'
import { buildTierTable, TierTableError } from '../../engine/margin/tierTable'
import { ENGINE_VERSION } from '../../engine/version'
import type {
  BookColumns,
  BookDelta,
  SolvedTable,
  WorkspaceSnapshot
} from '../../shared/workspaceSnapshot'
import { LiveBook } from './liveBook'
import type { Workspace } from './workspace'
import { estimateFromSnapshot } from './workspaceEstimate'
import { SnapshotError } from './workspaceSnapshotError'

export { SnapshotError }

function requireLength(what: string, actual: number, expected: number): void {
  if (actual !== expected)
    throw new SnapshotError(`${what} has ${actual} entries where ${expected} are needed`)
}

function requireCodes(what: string, codes: ArrayLike<number>, count: number): void {
  for (let i = 0; i < codes.length; i++)
    if (codes[i] >= count)
      throw new SnapshotError(`${what} ${i} refers to entry ${codes[i]} of a ${count}-entry table`)
}

/** What a stored value must be, and how the refusal says so. */
interface ValueRule {
  accepts(value: number): boolean
  expectation: string
}

const CODE: (codes: readonly number[]) => ValueRule = (codes) => ({
  accepts: (value) => codes.includes(value),
  expectation: `must be one of ${codes.join(', ')}`
})
const POSITIVE: ValueRule = {
  accepts: (value) => Number.isFinite(value) && value > 0,
  expectation: 'must be a finite number greater than 0'
}
/** Optional numbers are NaN when absent; present, they follow the import's bounds. */
const optional = (rule: ValueRule): ValueRule => ({
  accepts: (value) => Number.isNaN(value) || rule.accepts(value),
  expectation: `${rule.expectation} (or absent)`
})
const NON_NEGATIVE: ValueRule = {
  accepts: (value) => Number.isFinite(value) && value >= 0,
  expectation: 'must be a finite number of 0 or more'
}
const FRACTION: ValueRule = {
  accepts: (value) => value >= 0 && value < 1,
  expectation: 'must be a fraction in [0, 1)'
}
const FINITE: ValueRule = {
  accepts: Number.isFinite,
  expectation: 'must be a finite number'
}

/**
 * The rules every position's stored values follow, as the import and the editor enforce them.
 * A stored book (above all one from a workspace file: its checksum only proves it was not
 * damaged on the way) that breaks one would make the engine compute nonsense, or fail later.
 */
const POSITION_RULES = [
  ['side', CODE([1, -1])],
  ['contract', CODE([LINEAR, INVERSE])],
  ['marginMode', CODE([ISOLATED, CROSS])],
  ['size', POSITIVE],
  ['entryPrice', POSITIVE],
  ['margin', optional(NON_NEGATIVE)],
  ['leverage', optional(POSITIVE)],
  ['mmr', optional(FRACTION)],
  ['maintenanceAmount', optional(NON_NEGATIVE)],
  ['markPrice', optional(POSITIVE)]
] as const satisfies readonly (readonly [keyof BookColumns, ValueRule])[]

function requireValues(columns: BookColumns): void {
  for (const [name, rule] of POSITION_RULES) {
    const values = columns[name]
    for (let i = 0; i < columns.length; i++)
      if (!rule.accepts(values[i]))
        throw new SnapshotError(
          `position ${i} ("${columns.ids[i]}"): ${name} ${values[i]} ${rule.expectation}`
        )
  }
  const wallets = optional(FINITE)
  columns.walletBalance.forEach((balance, account) => {
    if (!wallets.accepts(balance))
      throw new SnapshotError(
        `account "${columns.accounts[account]}": wallet balance ${balance} ${wallets.expectation}`
      )
  })
}

/**
 * By a StringIndex, not a Set: a stored book's ids are mostly in order, which the index checks
 * without hashing (a 1M book: 0.1x the Set's time in order, 0.3x shuffled).
 */
function requireUniqueIds(ids: readonly string[]): void {
  const seen = new StringIndex()
  for (const id of ids)
    if (seen.tryAdd(id) < 0) throw new SnapshotError(`position id "${id}" appears twice`)
}

/** String table to index; a repeated name would make two codes mean one string. */
function stringIndex(what: string, names: readonly string[]): StringIndex {
  const index = new StringIndex()
  names.forEach((name, code) => {
    if (index.intern(name) !== code) throw new SnapshotError(`${what} lists "${name}" twice`)
  })
  return index
}

export function bookFromColumns(columns: BookColumns): Book {
  const n = columns.length
  for (const name of POSITION_COLUMNS) requireLength(`column ${name}`, columns[name].length, n)
  requireLength('ids', columns.ids.length, n)
  requireLength('walletBalance', columns.walletBalance.length, columns.accounts.length)
  requireCodes('position', columns.account, columns.accounts.length)
  requireCodes('position', columns.venue, columns.venues.length)
  requireCodes('position', columns.symbol, columns.symbols.length)
  requireValues(columns)
  // A repeated id would make edits and the delta log hit the wrong position. Checked on every
  // open: stored books may come from a workspace file, whose content is checked for damage, not
  // for sense.
  requireUniqueIds(columns.ids)
  const extra = new Map<string, Map<number, string>>()
  for (const column of columns.extra) {
    requireLength(`extra column ${column.name}`, column.values.length, column.positions.length)
    requireCodes('extra value', column.positions, n)
    extra.set(
      column.name,
      new Map(Array.from(column.positions, (index, k) => [index, column.values[k]]))
    )
  }
  return {
    length: n,
    ids: columns.ids,
    account: columns.account,
    venue: columns.venue,
    symbol: columns.symbol,
    side: columns.side,
    contract: columns.contract,
    marginMode: columns.marginMode,
    size: columns.size,
    entryPrice: columns.entryPrice,
    margin: columns.margin,
    leverage: columns.leverage,
    mmr: columns.mmr,
    maintenanceAmount: columns.maintenanceAmount,
    markPrice: columns.markPrice,
    accounts: stringIndex('the account table', columns.accounts),
    venues: stringIndex('the venue table', columns.venues),
    symbols: stringIndex('the symbol table', columns.symbols),
    walletBalance: columns.walletBalance,
    extra
  }
}

/** The stored table, when it was solved by this engine for exactly this book; else null. */
function tableFromSolved(solved: SolvedTable | null, book: Book): LiquidationTable | null {
  if (!solved || solved.engineVersion !== ENGINE_VERSION) return null
  const n = book.length
  for (const name of [
    'liquidationPrice',
    'bankruptcyPrice',
    'markPrice',
    'distance',
    'marginRatio',
    'crossGroup'
  ] as const)
    requireLength(`solved ${name}`, solved[name].length, n)
  const { groups } = solved
  const count = groups.account.length
  requireLength('group member starts', groups.memberStart.length, count + 1)
  requireLength('group members', groups.members.length, groups.memberStart[count] ?? 0)
  requireCodes('group', groups.underlying, groups.underlyings.length)
  requireCodes('group member', groups.members, n)
  requireCodes('group', groups.account, book.accounts.size)
  for (let i = 0; i < n; i++)
    if (solved.crossGroup[i] < -1 || solved.crossGroup[i] >= count)
      throw new SnapshotError(`position ${i} is in cross group ${solved.crossGroup[i]} of ${count}`)
  const crossGroups: CrossGroup[] = []
  for (let g = 0; g < count; g++)
    crossGroups.push({
      account: groups.account[g],
      underlying: groups.underlyings[groups.underlying[g]],
      members: Array.from(
        groups.members.subarray(groups.memberStart[g], groups.memberStart[g + 1])
      ),
      downPrice: groups.downPrice[g],
      upPrice: groups.upPrice[g],
      downBankruptcy: groups.downBankruptcy[g],
      upBankruptcy: groups.upBankruptcy[g],
      heldBalance: groups.heldBalance[g]
    })
  for (const issue of solved.issues) requireCodes('issue', [issue.index], n)
  return {
    liquidationPrice: solved.liquidationPrice,
    bankruptcyPrice: solved.bankruptcyPrice,
    markPrice: solved.markPrice,
    distance: solved.distance,
    marginRatio: solved.marginRatio,
    crossGroup: solved.crossGroup,
    crossGroups,
    issues: solved.issues.map(({ index, reason }) => ({ index, reason }))
  }
}

/** The app's tier tables with the workspace's own on top: a saved book is margined as it was. */
function registryWith(base: TierRegistry, snapshot: WorkspaceSnapshot): TierRegistry {
  const tables = new Map(base)
  for (const stored of snapshot.tiers) {
    const table = buildTierTable(
      stored.venue,
      stored.symbol,
      Array.from(stored.floors, (floor, i) => ({
        line: i + 1,
        notionalFloor: floor,
        maintenanceMarginRate: stored.rates[i],
        maintenanceAmount: stored.amounts[i],
        maxLeverage: Number.isNaN(stored.maxLeverage[i]) ? null : stored.maxLeverage[i]
      })),
      stored.measure ?? 'notional'
    )
    tables.set(tierKey(table.venue, table.symbol), table)
  }
  return createTierRegistry([...tables.values()])
}

/** Position index by id: one pass, where looking each id up in turn is a pass per lookup. */
function indexById(book: Book): Map<string, number> {
  const index = new Map<string, number>()
  for (let i = 0; i < book.length; i++) index.set(book.ids[i], i)
  return index
}

/**
 * Replays delta log entries in order: upserts replace by id or append, then removals. The id
 * index is kept up to date through upserts and built again only after removals, which move
 * indices (and rebuild the book's account index anyway).
 */
function applyDeltas(live: LiveBook, deltas: readonly BookDelta[]): void {
  let byId: Map<string, number> | null = null
  for (const { upserts, removals } of deltas) {
    for (const row of upserts) {
      byId ??= indexById(live.book)
      const index = byId.get(row.id)
      const position: PositionRow = { ...row }
      if (index !== undefined) live.replaceRow(index, position)
      else byId.set(row.id, live.appendRow(position))
    }
    if (removals.length === 0) continue
    byId ??= indexById(live.book)
    const doomed = removals.flatMap((id) => byId!.get(id) ?? [])
    if (doomed.length === 0) continue
    live.removeRows(doomed)
    byId = null
  }
}

/**
 * What opening reads from a stored workspace before anything is solved, each part checked: the
 * book's columns and every position's values, the estimate, the tier tables. Throws
 * SnapshotError or TierTableError saying what is wrong.
 */
function checkedParts(snapshot: WorkspaceSnapshot, appRegistry: TierRegistry) {
  return {
    book: bookFromColumns(snapshot.book),
    estimate: snapshot.estimate && estimateFromSnapshot(snapshot.estimate),
    registry: registryWith(appRegistry, snapshot)
  }
}

/**
 * Why opening this workspace would be refused, or null: the same checks, without solving or
 * replacing the book, so a workspace file is refused before it is stored rather than when opened.
 * The solved table is not checked: a file's is never handed to main.
 */
export function workspaceProblem(
  snapshot: WorkspaceSnapshot,
  appRegistry: TierRegistry
): string | null {
  try {
    checkedParts(snapshot, appRegistry)
    return null
  } catch (error) {
    if (error instanceof SnapshotError || error instanceof TierTableError) return error.message
    throw error
  }
}

/**
 * Opens a stored workspace: the book from its columns, the stored table when this engine solved
 * it (else the book is solved again), the workspace's tier tables over the app's and its
 * estimate, if it is one, then any unsaved edits replayed from the delta log.
 */
export async function restoreWorkspace(
  snapshot: WorkspaceSnapshot,
  deltas: readonly BookDelta[],
  appRegistry: TierRegistry
): Promise<Workspace> {
  const { book, estimate, registry } = checkedParts(snapshot, appRegistry)
  const prices = new Map(snapshot.prices.map(({ underlying, price }) => [underlying, price]))
  const table = tableFromSolved(snapshot.solved, book)
  const live = table
    ? LiveBook.restore(book, table, registry, prices)
    : await LiveBook.open(book, registry, prices)
  applyDeltas(live, deltas)
  return {
    name: snapshot.name,
    description: snapshot.description,
    source: snapshot.source,
    live,
    lending: snapshot.lending.map((position) => structuredClone(position)),
    impact: new Map(
      snapshot.impact.map(({ underlying, spec }): [string, ImpactSpec] => [underlying, spec])
    ),
    ...(estimate ? { estimate } : {})
  }
}
