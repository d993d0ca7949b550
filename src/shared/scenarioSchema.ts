import { z } from 'zod'

/**
 * The scenario file, version 1 (docs/scenarios.md). Times are step indices; durations are
 * seconds; moves are signed fractions of the price (-0.08 is an 8% fall); volatilities and jump
 * rates are per day, as traders quote them. Defaults are filled in by the schema, so a parsed
 * scenario is complete.
 */

const stepIndex = z.number().int().min(0, { error: 'a step index is a whole number from 0' })
const move = z
  .number()
  .gt(-1, { error: 'a move is a signed fraction above -1 (-0.08 is an 8% fall)' })
  .max(100)
const seconds = z.number().positive({ error: 'a duration in seconds must be positive' })

const gapMove = z.strictObject({ kind: z.literal('gap'), atStep: stepIndex, move })

const rampMove = z.strictObject({
  kind: z.literal('ramp'),
  fromStep: stepIndex,
  toStep: stepIndex,
  move
})

const shockRecoveryMove = z.strictObject({
  kind: z.literal('shock-recovery'),
  atStep: stepIndex,
  move,
  /** Share of the shock won back in the end: 0.6 recovers 60% of the fall. */
  recovered: z.number().min(0).max(1),
  halfLifeSeconds: seconds
})

const gbmMove = z.strictObject({
  kind: z.literal('gbm'),
  /** Daily log drift. */
  drift: z.number().min(-1).max(1).default(0),
  /** Daily volatility (0.03 = 3%). */
  volatility: z.number().min(0).max(5),
  jumpsPerDay: z.number().min(0).max(10_000).default(0),
  /** Mean and standard deviation of one jump's log move. */
  jumpMean: z.number().min(-5).max(5).default(0),
  jumpVolatility: z.number().min(0).max(5).default(0)
})

const replayMove = z.strictObject({
  kind: z.literal('replay'),
  /** `timestamp,price` rows under that header; timestamps ascending. */
  csv: z.string().min(1),
  timestampUnit: z.enum(['s', 'ms']).default('s'),
  /** relative: the series' moves from its first price, applied to the start price; absolute: its prices as they are. */
  mode: z.enum(['relative', 'absolute']).default('relative')
})

const pathComponentSchema = z.discriminatedUnion('kind', [
  gapMove,
  rampMove,
  shockRecoveryMove,
  gbmMove,
  replayMove
])

const liquidityEvent = z.strictObject({
  atStep: stepIndex,
  /** Share of the depth withdrawn at once. */
  withdraw: z.number().min(0).max(0.99, { error: 'at most 0.99 of the depth can be withdrawn' }),
  /** Depth refills toward normal with this half-life; null: it stays withdrawn. */
  refillHalfLifeSeconds: seconds.nullable().default(null)
})

const impactSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('linear'), depthPerPercent: z.number().positive() }),
  z.strictObject({
    kind: z.literal('sqrt'),
    dailyVolume: z.number().positive(),
    dailyVolatility: z.number().positive(),
    coefficient: z.number().positive()
  }),
  z.strictObject({ kind: z.literal('amm'), baseReserve: z.number().positive() })
])

const marketSchema = z.strictObject({
  /** BTC, ETH, or a symbol (BTCUSDT) whose underlying is meant. */
  underlying: z.string().trim().min(1).max(40),
  /** Default: the book's market price. */
  startPrice: z.number().positive().optional(),
  /** Log moves of the driver this market follows; requires `driver`. */
  beta: z.number().min(-10).max(10).optional(),
  path: z.array(pathComponentSchema).max(50).default([]),
  liquidity: z.array(liquidityEvent).max(50).default([]),
  /** Liquidations trigger on the price this many steps ago. */
  oracleLagSteps: z.number().int().min(0).max(10_000).default(0),
  /** Overrides mechanics.impactHalfLifeSeconds for this market. */
  impactHalfLifeSeconds: seconds.optional(),
  /** Default: the workspace's liquidity model for the market. */
  impact: impactSchema.optional()
})

const throughput = z
  .number()
  .positive({ error: 'throughput is quote notional per step, positive (null: no limit)' })
  .nullable()

const fundShare = z.number().min(0).max(1)

const venueRulesSchema = z.strictObject({
  insuranceFund: z.number().min(0).optional(),
  insuranceFundShare: fundShare.optional(),
  throughputPerStep: throughput.optional(),
  liquidationFee: z.number().min(0).max(0.2).optional()
})

const mechanicsSchema = z.strictObject({
  /** Charged on the liquidated notional, out of the position's remaining margin, to the fund. */
  liquidationFee: z.number().min(0).max(0.2).default(0.005),
  /** Most quote notional each venue's engine liquidates per step on each market. */
  throughputPerStep: throughput.default(null),
  /** Insurance fund of every venue not listed in `venues`, in quote... */
  insuranceFund: z.number().min(0).default(0),
  /** ...or as a share of the venue's open interest on the scenario's markets at start prices. */
  insuranceFundShare: fundShare.nullable().default(null),
  /** Positions above this quote notional are liquidated in slices. */
  sliceAbove: z.number().positive().nullable().default(null),
  /** Share of such a position liquidated per step. */
  sliceFraction: z.number().gt(0).max(1).default(0.2),
  /** Temporary impact decays toward the fundamental price with this half-life. */
  impactHalfLifeSeconds: seconds.default(600),
  venues: z.record(z.string().min(1), venueRulesSchema).default({})
})

const heatmapSchema = z.strictObject({
  bins: z.number().int().min(2).max(2000).default(120),
  /** Bins span the start price +- this fraction. */
  range: z.number().gt(0).max(0.99).default(0.3)
})

const probability = z.number().gt(0).lt(1)

const monteCarloSchema = z.strictObject({
  paths: z.number().int().min(1).max(1_000_000).default(1000),
  levels: z.array(probability).min(1).max(10).default([0.95, 0.99]),
  percentiles: z
    .array(z.number().min(0).max(1))
    .min(1)
    .max(21)
    .default([0.05, 0.25, 0.5, 0.75, 0.95]),
  /** Runaway zones are looked for within this move of the start price, bin by bin. */
  zoneReach: z.number().gt(0).max(0.95).default(0.5),
  zoneStep: z.number().min(0.0005).max(0.1).default(0.005)
})

export const scenarioSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1 (the scenario format this engine reads)' }),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
  steps: z.number().int().min(1).max(100_000),
  stepSeconds: z
    .number()
    .positive()
    .max(7 * 86_400),
  /** The market whose moves the others follow through their betas. */
  driver: z.string().trim().min(1).optional(),
  markets: z.array(marketSchema).min(1).max(32),
  mechanics: mechanicsSchema.prefault({}),
  heatmap: heatmapSchema.prefault({}),
  monteCarlo: monteCarloSchema.prefault({})
})

export type Scenario = z.output<typeof scenarioSchema>
/** A scenario as written: defaults may be left out. What the editor holds and files contain. */
export type ScenarioInput = z.input<typeof scenarioSchema>
export type ScenarioMarket = Scenario['markets'][number]
export type PathComponent = z.output<typeof pathComponentSchema>
export type LiquidityEvent = ScenarioMarket['liquidity'][number]
export type ScenarioImpact = NonNullable<ScenarioMarket['impact']>
export type Mechanics = Scenario['mechanics']
export type VenueRules = Mechanics['venues'][string]
