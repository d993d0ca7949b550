import { z } from 'zod'
import { estimateAssumptionsSchema } from './estimateTypes'

/**
 * A whole workspace as data, the shape main hands the renderer to store and takes back to open:
 * the book column-wise (typed arrays plus string tables, as main holds it), its solved
 * liquidation table (re-solving a million positions takes longer than reading the table back),
 * lending borrowers, markets, liquidity models and the tier tables the book is margined with.
 *
 * Typed arrays cross the process boundary as typed arrays: Electron's structured clone and the
 * test harness's binary framing both keep them binary.
 */
export const SNAPSHOT_FORMAT = 1

const f64 = z.instanceof(Float64Array)
const u32 = z.instanceof(Uint32Array)
const u16 = z.instanceof(Uint16Array)
const i32 = z.instanceof(Int32Array)
const i8 = z.instanceof(Int8Array)
const u8 = z.instanceof(Uint8Array)
const name = z.string().max(10_000)
/** A string column (a million ids): one loop, where z.array(z.string()) costs far more per entry. */
const strings = z.custom<string[]>(
  (value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string'),
  { message: 'expected an array of strings' }
)

export const bookColumnsSchema = z.strictObject({
  length: z.number().int().nonnegative(),
  ids: strings,
  account: u32,
  venue: u16,
  symbol: u16,
  side: i8,
  contract: u8,
  marginMode: u8,
  size: f64,
  entryPrice: f64,
  margin: f64,
  leverage: f64,
  mmr: f64,
  maintenanceAmount: f64,
  markPrice: f64,
  accounts: strings,
  venues: strings,
  symbols: strings,
  /** Per account code; NaN for accounts with no cross position. */
  walletBalance: f64,
  /** Unknown import columns: the positions that have a value, and the values. */
  extra: z.array(z.strictObject({ name, positions: u32, values: strings }))
})

/** Cross groups column-wise: a million-position book has a hundred thousand and more. */
export const solvedGroupsSchema = z.strictObject({
  account: u32,
  underlying: u16,
  underlyings: z.array(z.string()),
  /** Group g's members are members[memberStart[g] .. memberStart[g + 1]). */
  memberStart: u32,
  members: u32,
  downPrice: f64,
  upPrice: f64,
  downBankruptcy: f64,
  upBankruptcy: f64,
  heldBalance: f64
})

export const solvedTableSchema = z.strictObject({
  /** The engine that solved it: a table from another engine version is solved again. */
  engineVersion: z.string(),
  liquidationPrice: f64,
  bankruptcyPrice: f64,
  markPrice: f64,
  distance: f64,
  marginRatio: f64,
  crossGroup: i32,
  groups: solvedGroupsSchema,
  issues: z.array(z.strictObject({ index: z.number().int().nonnegative(), reason: z.string() }))
})

const positive = z.number().positive()
const depthLevelsSchema = z.strictObject({ prices: f64, sizes: f64 })

export const impactSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('linear'), depthPerPercent: positive }),
  z.strictObject({
    kind: z.literal('sqrt'),
    dailyVolume: positive,
    dailyVolatility: positive,
    coefficient: positive
  }),
  z.strictObject({ kind: z.literal('amm'), baseReserve: positive }),
  z.strictObject({
    kind: z.literal('book'),
    snapshot: z.strictObject({ bids: depthLevelsSchema, asks: depthLevelsSchema, mid: positive })
  })
])

export const lendingPositionSchema = z.strictObject({
  account: z.string(),
  protocol: z.string(),
  collateral: z.array(
    z.strictObject({
      asset: z.string(),
      amount: z.number(),
      liquidationThreshold: z.number(),
      liquidationBonus: z.number()
    })
  ),
  debt: z.array(z.strictObject({ asset: z.string(), amount: z.number() }))
})

export const tierTableSchema = z.strictObject({
  venue: z.string(),
  symbol: z.string(),
  /**
   * What the floors count. Absent means notional: snapshots from before size tables, and every
   * notional table since, so those store as they did.
   */
  measure: z.enum(['notional', 'size']).optional(),
  floors: f64,
  rates: f64,
  amounts: f64,
  maxLeverage: f64
})

/**
 * The stored estimate's own version, so its shape can change without a new snapshot format:
 * snapshots from before estimates were kept simply have none.
 */
export const ESTIMATE_SNAPSHOT_VERSION = 1

/** Price candles as main read them; NaN where the file had no volume or taker buy volume. */
export const candleSeriesSchema = z.strictObject({
  times: f64,
  open: f64,
  high: f64,
  low: f64,
  close: f64,
  volume: f64,
  takerBuyVolume: f64
})

export const openInterestSeriesSchema = z.strictObject({
  times: f64,
  openInterest: f64,
  unit: z.enum(['base', 'quote']),
  symbol: name.nullable()
})

/**
 * What an estimated book was inferred from (main's EstimateInputs), kept with the book: the
 * heatmap's band across leverage mixes runs the inference again, which positions cannot.
 */
export const estimateSnapshotSchema = z.strictObject({
  version: z.literal(ESTIMATE_SNAPSHOT_VERSION),
  candles: candleSeriesSchema,
  openInterest: openInterestSeriesSchema,
  assumptions: estimateAssumptionsSchema,
  candlesName: name,
  openInterestName: name
})

export const workspaceSnapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  name: name.min(1),
  description: name,
  source: name,
  /** The book version in main when the snapshot was taken. */
  version: z.number().int(),
  book: bookColumnsSchema,
  solved: solvedTableSchema.nullable(),
  lending: z.array(lendingPositionSchema),
  prices: z.array(z.strictObject({ underlying: z.string().min(1), price: positive })),
  impact: z.array(z.strictObject({ underlying: z.string().min(1), spec: impactSpecSchema })),
  tiers: z.array(tierTableSchema),
  /** Only on an estimated book; absent (not undefined) otherwise, so other books store as before. */
  estimate: estimateSnapshotSchema.optional()
})

export type BookColumns = z.infer<typeof bookColumnsSchema>
export type SolvedTable = z.infer<typeof solvedTableSchema>
export type EstimateSnapshot = z.infer<typeof estimateSnapshotSchema>
export type WorkspaceSnapshot = z.infer<typeof workspaceSnapshotSchema>

/** A position as a plain row, for the delta log (the engine's PositionRow, as data). */
export const positionRowSchema = z.strictObject({
  id: z.string().min(1),
  account: z.string(),
  venue: z.string(),
  symbol: z.string(),
  contract: z.enum(['linear', 'inverse']),
  side: z.union([z.literal(1), z.literal(-1)]),
  size: z.number(),
  entryPrice: z.number(),
  marginMode: z.enum(['isolated', 'cross']),
  margin: z.number().nullable(),
  leverage: z.number().nullable(),
  mmr: z.number().nullable(),
  maintenanceAmount: z.number().nullable(),
  walletBalance: z.number().nullable(),
  markPrice: z.number().nullable(),
  extra: z.record(z.string(), z.string()).optional()
})

/**
 * Position changes as a log entry: rows to put (replace by id, or append) and ids to remove,
 * applied in that order. Replaying a workspace's entries on its saved book gives the edited book.
 */
export const bookDeltaSchema = z.strictObject({
  upserts: z.array(positionRowSchema),
  removals: z.array(z.string())
})

export type PositionRowData = z.infer<typeof positionRowSchema>
export type BookDelta = z.infer<typeof bookDeltaSchema>

export const workspaceLoadSchema = z.strictObject({
  snapshot: workspaceSnapshotSchema,
  /** Unsaved edits recovered from the delta log, applied on top of the snapshot's book. */
  deltas: z.array(bookDeltaSchema).max(100_000)
})

/** A workspace to check as opening would, before it is stored (a workspace file's import). */
export const workspaceCheckSchema = z.strictObject({ snapshot: workspaceSnapshotSchema })

export const workspaceMarkSavedSchema = z.strictObject({ version: z.number().int() })

export type WorkspaceLoadRequest = z.infer<typeof workspaceLoadSchema>

/** The book's changes since the last call (or since the last save or open), as one log entry. */
export interface WorkspaceChanges {
  version: number
  /** Null when main holds another book than the stored one (an import): only a full save keeps it. */
  delta: BookDelta | null
}
