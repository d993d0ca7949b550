import { z } from 'zod'
import type { EstimateAssumptions } from '../engine/estimate/estimateAssumptions'
import type { EstimateSummary } from '../engine/estimate/estimateBook'
import { MAX_STAGED_TEXT_BYTES } from './importMapping'

export {
  DEFAULT_ASSUMPTIONS,
  LEVERAGE_MIXES,
  type EstimateAssumptions,
  type LeverageShare
} from '../engine/estimate/estimateAssumptions'
export type { EstimateSummary } from '../engine/estimate/estimateBook'

/** The two market files an estimated book is inferred from. */
export const ESTIMATE_FILE_ROLES = ['candles', 'openInterest'] as const
export type EstimateFileRole = (typeof ESTIMATE_FILE_ROLES)[number]

const role = z.enum(ESTIMATE_FILE_ROLES)
const fileId = z.string().min(1).max(64)
const share = z.number().finite()

/**
 * The assumptions as a request carries them: shapes and types here; whether they can hold
 * together (shares summing to 1, a rate below 1/leverage) is the engine's checkAssumptions,
 * which names the assumption at fault.
 */
export const estimateAssumptionsSchema: z.ZodType<EstimateAssumptions> = z.strictObject({
  symbol: z.string().trim().min(1, 'give the market symbol, such as BTCUSDT').max(40),
  venue: z.string().trim().min(1, 'give a venue name for the estimated positions').max(40),
  leverageMix: z
    .array(z.strictObject({ leverage: z.number().finite(), share }))
    .min(1, 'the leverage mix needs at least one leverage')
    .max(24),
  sideSplit: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('taker-flow'), fallbackLongShare: share }),
    z.strictObject({ kind: z.literal('fixed'), longShare: share })
  ]),
  entryPrice: z.enum(['typical', 'open', 'close']),
  maintenanceRate: z.number().finite(),
  dropLiquidated: z.boolean()
})

/** A candles or open interest file dropped on or picked in the browser: its text goes to main. */
export const estimateStageSchema = z.strictObject({
  role,
  name: z.string().min(1).max(260),
  text: z.string().max(MAX_STAGED_TEXT_BYTES)
})

export const estimatePickSchema = z.strictObject({ role })

/** The staged files (by the ids main gave them) and the assumptions to infer a book with. */
export const estimateRequestSchema = z.strictObject({
  candles: fileId,
  openInterest: fileId,
  assumptions: estimateAssumptionsSchema
})

export type EstimateRequest = z.infer<typeof estimateRequestSchema>

/** A market file as main read it: what it holds, or why it cannot be used. */
export interface EstimateFile {
  fileId: string
  role: EstimateFileRole
  name: string
  bytes: number
  /** Rows read (bars or open interest samples); 0 when the file could not be read. */
  rows: number
  /** First and last timestamp, milliseconds since the epoch; null when unread. */
  from: number | null
  to: number | null
  /** Candles: whether the file has taker buy volume (the taker-flow side split needs it). */
  takerFlow: boolean
  /** Open interest: base units or quote value (converted at each bar's price). */
  unit: 'base' | 'quote' | null
  /** Open interest: the market the file names, if it does (Binance's metrics do). */
  symbol: string | null
  /** Why the file cannot be used, every bad line named; null when it reads. */
  problem: string | null
}

/** What the inference did with the files under the assumptions, before anything is replaced. */
export type EstimatePreview =
  | {
      status: 'ok'
      summary: EstimateSummary
      positions: number
      /** Quote notional of the surviving positions at their entries, by side. */
      longNotional: number
      shortNotional: number
      /** The last close: the estimated positions' mark price. */
      markPrice: number
    }
  /** The files or assumptions cannot be used together: which one, and why. */
  | { status: 'problem'; field: EstimateFileRole | 'assumptions' | 'overlap'; message: string }

export type EstimateStartResult =
  | { status: 'done'; positions: number; workspaceName: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string }
