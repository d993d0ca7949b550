import { z } from 'zod'
import { heatmapRequestSchema } from '../../../shared/heatmapTypes'
import { impactChoiceSchema } from '../../../shared/impactChoice'

/**
 * What each workspace part may put back into the stores. A stored part is outside data like a
 * file (an imported workspace carries its parts unchanged), so it is checked before any of it
 * reaches a store; one that fails is skipped with a notice.
 */

/** Any number, NaN and ±Infinity included: results hold them where nothing was found. */
const anyNumber = z.custom<number>((value) => typeof value === 'number', 'expected a number')
/**
 * A number stored before non-finite ones were kept: plain JSON wrote them as null, and null can
 * only have been one of those, so it reads back as NaN.
 */
const storedNumber = z.union([anyNumber, z.null().transform(() => NaN)])
const count = z.number().int().nonnegative()
const f64 = z.instanceof(Float64Array)
const u32 = z.instanceof(Uint32Array)

export function problemOf(error: z.ZodError): string {
  const [issue] = error.issues
  const where = issue.path.join('.')
  return where ? `${where}: ${issue.message}` : issue.message
}

const heatmapGroupSchema = z.looseObject({
  key: z.string(),
  long: f64,
  short: f64,
  longCount: u32,
  shortCount: u32
})

/** Heatmap bins as main sends them: binCount + 1 ascending edges, every series binCount long. */
export const heatmapBinsSchema = z
  .looseObject({
    underlying: z.string().min(1),
    version: z.number().int(),
    markPrice: anyNumber,
    edges: f64,
    long: f64,
    short: f64,
    longCount: u32,
    shortCount: u32,
    below: z.looseObject({ notional: anyNumber, count }),
    above: z.looseObject({ notional: anyNumber, count }),
    breakdown: heatmapRequestSchema.shape.breakdown.unwrap(),
    groups: z.array(heatmapGroupSchema),
    elapsedMs: anyNumber
  })
  .superRefine((bins, context) => {
    const binCount = bins.edges.length - 1
    const series = [bins.long, bins.short, bins.longCount, bins.shortCount].concat(
      bins.groups.flatMap((group) => [group.long, group.short, group.longCount, group.shortCount])
    )
    if (binCount < 1 || series.some((values) => values.length !== binCount))
      context.addIssue({
        code: 'custom',
        path: ['edges'],
        message: `${bins.edges.length} edges do not fit bins of ${series.map((s) => s.length).join('/')}`
      })
    for (let k = 1; k < bins.edges.length; k++)
      if (!(bins.edges[k] > bins.edges[k - 1])) {
        context.addIssue({ code: 'custom', path: ['edges'], message: 'edges are not ascending' })
        return
      }
  })

/** The last run: its inputs go back into the cascade store, its results are for comparing. */
export const runResultsSchema = z.looseObject({
  /** Empty before the first run. */
  underlying: z.string().max(40),
  shock: z.number().min(-1).max(1),
  impact: impactChoiceSchema.optional(),
  criticalMove: storedNumber.optional(),
  result: z.looseObject({ runId: z.number() }).nullable().optional(),
  sweep: z
    .looseObject({ direction: z.enum(['fall', 'rise']) })
    .nullable()
    .optional(),
  heatmap: heatmapBinsSchema.nullable().optional()
})

export const viewPartSchema = z.looseObject({
  view: z.string().optional(),
  heatmap: z
    .looseObject({
      binCount: heatmapRequestSchema.shape.binCount.optional(),
      span: heatmapRequestSchema.shape.span.optional()
    })
    .optional()
})

const distributionSchema = z.looseObject({
  count,
  mean: storedNumber,
  min: storedNumber,
  max: storedNumber,
  percentiles: z.array(z.looseObject({ p: z.number(), value: storedNumber })),
  tail: z.array(
    z.looseObject({
      level: z.number(),
      valueAtRisk: storedNumber,
      expectedShortfall: storedNumber
    })
  ),
  histogram: z.looseObject({ edges: z.array(storedNumber), counts: z.array(count) })
})

const monteCarloMarketSchema = z.looseObject({
  underlying: z.string().min(1),
  startPrice: storedNumber,
  metrics: z.record(z.string(), distributionSchema),
  fan: z.looseObject({
    percentiles: z.array(z.number()),
    values: z.array(z.array(storedNumber))
  }),
  zones: z.array(
    z.looseObject({
      direction: z.union([z.literal(-1), z.literal(1)]),
      from: storedNumber,
      to: storedNumber,
      peakGain: storedNumber,
      reached: storedNumber,
      crossed: storedNumber
    })
  )
})

/** A Monte Carlo summary as the Monte Carlo view shows it. */
export const monteCarloViewSchema = z.looseObject({
  runId: z.number().int(),
  bookVersion: z.number().int(),
  scenario: z.looseObject({ name: z.string(), seed: z.number() }),
  requestedPaths: count,
  completedPaths: count,
  complete: z.boolean(),
  workers: count,
  elapsedMs: storedNumber,
  steps: count,
  stepSeconds: z.number(),
  stride: count,
  levels: z.array(z.number()),
  percentiles: z.array(z.number()),
  metrics: z.record(z.string(), distributionSchema),
  markets: z.array(monteCarloMarketSchema)
})
