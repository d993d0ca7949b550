import { z } from 'zod'
import type { MarketRun, ScenarioRun } from './scenarioRunTypes'

/**
 * The scenario screens' state as a workspace saves it: versioned JSON. Scenarios are kept as
 * written (they may be mid-edit and invalid); results only when small, with their typed arrays as
 * plain number lists, because runs are reproducible bit for bit from the scenario and the book.
 */
export const SCENARIO_SNAPSHOT_KIND = 'cascade-cockpit/scenarios'
export const SCENARIO_SNAPSHOT_VERSION = 1

const numbers = z.array(z.number().nullable())

/** A scenario run with every typed array as a number list (NaN and infinities as null). */
export const runSnapshotSchema = z.looseObject({
  runId: z.number(),
  points: z.number().int().min(1),
  insuranceFund: numbers,
  markets: z.array(
    z.looseObject({
      underlying: z.string(),
      series: z.record(z.string(), numbers),
      profile: z.strictObject({ edges: numbers, long: numbers, short: numbers })
    })
  )
})

export const scenarioSnapshotSchema = z.strictObject({
  kind: z.literal(SCENARIO_SNAPSHOT_KIND),
  version: z.literal(SCENARIO_SNAPSHOT_VERSION, {
    error: `this scenario snapshot is from another version of the app (this one reads version ${SCENARIO_SNAPSHOT_VERSION})`
  }),
  scenarios: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        origin: z.string(),
        scenario: z.record(z.string(), z.unknown())
      })
    )
    .max(200),
  selectedId: z.string().nullable(),
  /** The run the timeline shows, and the runs pinned for comparison (at most four). */
  current: runSnapshotSchema.nullable(),
  compare: z.array(runSnapshotSchema).max(4),
  /** The last Monte Carlo summary (plain JSON already). */
  monteCarlo: z.looseObject({ runId: z.number() }).nullable()
})

export type ScenarioSnapshot = z.infer<typeof scenarioSnapshotSchema>

type JsonNumbers = (number | null)[]

/** JSON has no NaN or infinities: they travel as null and come back as NaN. */
const toNumbers = (values: ArrayLike<number>): JsonNumbers =>
  Array.from(values, (value) => (Number.isFinite(value) ? value : null))
const fromNumbers = (values: JsonNumbers): number[] => values.map((value) => value ?? NaN)

/** How many numbers a run holds in its arrays: what decides whether it is small enough to keep. */
export function runSize(run: ScenarioRun): number {
  let size = run.insuranceFund.length
  for (const market of run.markets) {
    size += market.profile.long.length + market.profile.short.length + market.profile.edges.length
    for (const values of Object.values(market.series)) size += values.length
  }
  return size
}

export function runToSnapshot(run: ScenarioRun): z.input<typeof runSnapshotSchema> {
  return {
    ...run,
    insuranceFund: toNumbers(run.insuranceFund),
    markets: run.markets.map((market) => ({
      ...market,
      series: Object.fromEntries(
        Object.entries(market.series).map(([name, values]) => [name, toNumbers(values)])
      ),
      profile: {
        edges: toNumbers(market.profile.edges),
        long: toNumbers(market.profile.long),
        short: toNumbers(market.profile.short)
      }
    }))
  }
}

/** The inverse of runToSnapshot, for a run that passed runSnapshotSchema. */
export function runFromSnapshot(saved: z.output<typeof runSnapshotSchema>): ScenarioRun {
  const run = saved as unknown as ScenarioRun & { insuranceFund: JsonNumbers }
  return {
    ...run,
    insuranceFund: Float64Array.from(fromNumbers(saved.insuranceFund)),
    markets: saved.markets.map((market) => ({
      ...(market as unknown as MarketRun),
      series: Object.fromEntries(
        Object.entries(market.series).map(([name, values]) => [
          name,
          Float64Array.from(fromNumbers(values))
        ])
      ) as MarketRun['series'],
      profile: {
        edges: Float64Array.from(fromNumbers(market.profile.edges)),
        long: Float32Array.from(fromNumbers(market.profile.long)),
        short: Float32Array.from(fromNumbers(market.profile.short))
      }
    }))
  }
}
