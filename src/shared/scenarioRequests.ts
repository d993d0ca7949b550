import { z } from 'zod'

/**
 * Requests about scenarios. The scenario itself travels as the JSON the editor holds and is
 * validated in main by the engine's own parser, which names every bad field: a contract schema
 * that refused it whole would only say "invalid request".
 */
const scenarioJson = z.record(z.string(), z.unknown(), {
  error: 'a scenario is a JSON object (docs/scenarios.md)'
})

export const scenarioRequestSchema = z.strictObject({ scenario: scenarioJson })

export const MAX_MONTE_CARLO_PATHS = 1_000_000
export const MAX_MONTE_CARLO_WORKERS = 64

export const monteCarloRequestSchema = z.strictObject({
  scenario: scenarioJson,
  /** Default: the scenario's `monteCarlo.paths`. */
  paths: z.number().int().min(1).max(MAX_MONTE_CARLO_PATHS).optional(),
  /** Default: one per core. */
  workers: z.number().int().min(1).max(MAX_MONTE_CARLO_WORKERS).optional()
})

export type ScenarioRequest = z.infer<typeof scenarioRequestSchema>
export type MonteCarloRequest = z.infer<typeof monteCarloRequestSchema>
