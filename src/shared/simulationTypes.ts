import { z } from 'zod'
import type {
  CascadeRound,
  CascadeSummary,
  GainProfile,
  SweepSummary,
  VenueSlice
} from './cascadeTypes'
import { impactChoiceSchema } from './impactChoice'

const underlying = z.string().min(1).max(40)

export const cascadeRequestSchema = z.strictObject({
  underlying,
  /** Signed fraction: -0.08 is an 8% fall. */
  shock: z.number().gt(-0.99).max(5),
  impact: impactChoiceSchema
})

export const sweepRequestSchema = z.strictObject({
  underlying,
  impact: impactChoiceSchema,
  direction: z.enum(['fall', 'rise']),
  /** How far the sweep goes, as a fraction (0.3 = shocks up to 30%). */
  reach: z.number().gt(0).max(0.95),
  step: z.number().min(0.0005).max(0.1),
  threshold: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('endogenous-move'), value: z.number().positive().max(1) }),
    z.strictObject({ kind: z.literal('notional'), value: z.number().positive() })
  ])
})

export const gainRequestSchema = z.strictObject({
  underlying,
  impact: impactChoiceSchema,
  span: z.number().gt(0).max(0.95),
  step: z.number().min(0.0005).max(0.1)
})

export type CascadeRequest = z.infer<typeof cascadeRequestSchema>
export type SweepRequest = z.infer<typeof sweepRequestSchema>
export type GainRequest = z.infer<typeof gainRequestSchema>

export interface SideTotalsDto {
  count: number
  notional: number
}

export interface CascadeResult {
  runId: number
  /** The book version the run saw. */
  version: number
  impact: Record<string, number | string>
  summary: CascadeSummary
  /** The first rounds; a runaway cascade can take thousands. */
  rounds: CascadeRound[]
  roundsOmitted: number
  long: SideTotalsDto
  short: SideTotalsDto
  byVenue: VenueSlice[]
  /** Losses beyond margin, in quote. */
  shortfall: number
  lending: { liquidatedCount: number; repaidDebt: number; badDebt: number }
  elapsedMs: number
}

export interface SweepResult extends SweepSummary {
  direction: 'fall' | 'rise'
  version: number
  elapsedMs: number
}

/** Reflexivity gain both ways from the mark, for shading runaway zones. */
export interface GainResult {
  underlying: string
  version: number
  fall: GainProfile
  rise: GainProfile
}
