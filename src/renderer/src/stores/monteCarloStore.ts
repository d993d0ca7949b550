import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MonteCarloView } from '../../../shared/monteCarloTypes'
import type { ScenarioInput } from '../../../shared/scenarioSchema'
import type { ScenarioSnapshot } from '../../../shared/scenarioSnapshot'
import { api, userMessage } from '../api'
import { monteCarloViewSchema, problemOf } from '../workspaces/partSchemas'
import { fromTaggedJson } from '../workspaces/taggedNumbers'

/** A finished run's throughput: runs of one scenario on 1 and on N workers give the speed-up. */
export interface MonteCarloTiming {
  runId: number
  scenario: string
  workers: number
  paths: number
  elapsedMs: number
  pathsPerSecond: number
}

/** Timings kept, newest first. */
const TIMINGS_KEPT = 6

/**
 * Monte Carlo of a scenario on the current book: N seeded paths on main's worker pool (never
 * this thread), progress through the task events, the paths so far summarised about once a
 * second while it runs, cancel with Esc or the button, and the paths that finished kept when
 * cancelled.
 */
export const useMonteCarloStore = defineStore('monteCarlo', () => {
  const result = shallowRef<MonteCarloView | null>(null)
  const running = ref(false)
  const error = ref<string | null>(null)
  /** Overrides of the scenario's `monteCarlo.paths` and of one worker per core; null: defaults. */
  const paths = ref<number | null>(null)
  const workers = ref<number | null>(null)
  const market = ref(0)
  /** The running run's paths so far, from main's partial summaries. */
  const partial = shallowRef<MonteCarloView | null>(null)
  /** What the view shows: the paths so far while running, else the last result. */
  const shown = computed(() => (running.value && partial.value ? partial.value : result.value))
  const live = computed(() => running.value && partial.value !== null)
  const timings = ref<MonteCarloTiming[]>([])

  api.on('sim:monteCarloPartial', (view) => {
    if (running.value) partial.value = view
  })

  async function run(draft: ScenarioInput): Promise<boolean> {
    running.value = true
    error.value = null
    partial.value = null
    try {
      const outcome = await api.runMonteCarlo({
        scenario: draft as Record<string, unknown>,
        ...(paths.value === null ? {} : { paths: paths.value }),
        ...(workers.value === null ? {} : { workers: workers.value })
      })
      if (outcome.status === 'done') {
        const { runId, scenario, workers: used, completedPaths, elapsedMs } = outcome.result
        timings.value = [
          {
            runId,
            scenario: scenario.name,
            workers: used,
            paths: completedPaths,
            elapsedMs,
            pathsPerSecond: elapsedMs > 0 ? completedPaths / (elapsedMs / 1000) : NaN
          },
          ...timings.value
        ].slice(0, TIMINGS_KEPT)
        const keep = result.value?.markets[market.value]?.underlying
        result.value = outcome.result
        market.value = Math.max(
          0,
          outcome.result.markets.findIndex((m) => m.underlying === keep)
        )
        return true
      }
      if (outcome.status === 'failed') error.value = outcome.message
      if (outcome.status === 'invalid')
        error.value = `the scenario has ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'}: fix them in the editor`
      return false
    } catch (cause) {
      error.value = userMessage(cause)
      return false
    } finally {
      running.value = false
      partial.value = null
    }
  }

  function snapshotResult(): ScenarioSnapshot['monteCarlo'] {
    return result.value
      ? (JSON.parse(JSON.stringify(result.value)) as ScenarioSnapshot['monteCarlo'])
      : null
  }

  /**
   * Puts a workspace's saved result back, checked: NaN and ±Infinity arrive as tags (or, saved
   * before those were kept, as null). Returns why a saved result was left out, or null.
   */
  function restoreResult(saved: unknown): string | null {
    market.value = 0
    const parsed = monteCarloViewSchema.nullable().safeParse(fromTaggedJson(saved))
    result.value = parsed.success ? (parsed.data as MonteCarloView | null) : null
    return parsed.success ? null : `not a Monte Carlo result: ${problemOf(parsed.error)}`
  }

  return {
    result,
    shown,
    live,
    timings,
    running,
    error,
    paths,
    workers,
    market,
    run,
    snapshotResult,
    restoreResult
  }
})
