import { z } from 'zod'

/** The liquidity model a run uses, as the user sets it; `book` uses the workspace's depth snapshot. */
export const impactChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('linear'), depthPerPercent: z.number().positive() }),
  z.strictObject({
    kind: z.literal('sqrt'),
    dailyVolume: z.number().positive(),
    dailyVolatility: z.number().positive().max(5),
    coefficient: z.number().positive().max(100)
  }),
  z.strictObject({ kind: z.literal('amm'), baseReserve: z.number().positive() }),
  z.strictObject({ kind: z.literal('book') })
])

export type ImpactChoice = z.infer<typeof impactChoiceSchema>
export type ImpactKind = ImpactChoice['kind']

export const IMPACT_KINDS = ['linear', 'sqrt', 'amm', 'book'] as const satisfies ImpactKind[]

/** Parameters to start from for each model on one market, and the model the workspace picks. */
export interface ImpactDefaults {
  kind: ImpactKind
  linear: { depthPerPercent: number }
  sqrt: { dailyVolume: number; dailyVolatility: number; coefficient: number }
  amm: { baseReserve: number }
  /** Null when the workspace has no depth snapshot for the market. */
  book: { description: string } | null
  /** Where the defaults come from, shown beside the controls. */
  note: string
}
