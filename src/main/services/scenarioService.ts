import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { findRunawayZones } from '../../engine/montecarlo/runawayZones'
import { summarizeMonteCarlo } from '../../engine/montecarlo/summarizeMonteCarlo'
import type { MonteCarloResults } from '../../engine/montecarlo/monteCarloResults'
import { metricsWidth } from '../../engine/montecarlo/pathMetrics'
import { checkScenario } from '../../engine/timeline/parseScenario'
import type { Scenario } from '../../engine/timeline/scenarioSchema'
import type { MonteCarloView } from '../../shared/monteCarloTypes'
import type { MonteCarloRequest } from '../../shared/scenarioRequests'
import type {
  ScenarioOutcome,
  ScenarioPreset,
  ScenarioRun,
  ScenarioValidation
} from '../../shared/scenarioRunTypes'
import { presetNames, readScenarioFile } from '../simulation/scenarioFiles'
import { MonteCarloPool, type PreparedRun } from '../simulation/monteCarloPool'
import type { BookService } from './bookService'
import { monteCarloView } from './monteCarloView'
import { PartialSummaries } from './partialSummaries'
import { scenarioRunView, strideFor } from './scenarioRunView'
import { CancelledError } from './cancelledError'
import type { TaskContext, TaskRunner } from './taskRunner'
import { yieldToEventLoop } from './yieldToEventLoop'
import { resourcesDir } from '../resourcesDir'

/**
 * Scenarios over time on the current book: the presets to start from, validation that names
 * every bad field, the detailed path (the timeline view) and Monte Carlo, both on the worker pool.
 * Runs go through the task runner, so the status bar shows them and Esc cancels them; a
 * cancelled Monte Carlo still returns the paths that finished.
 */
export class ScenarioService {
  private runs = 0
  private pool: MonteCarloPool | null = null

  constructor(
    private readonly books: BookService,
    private readonly tasks: TaskRunner,
    /** Hands a running Monte Carlo's summary so far to the renderer. */
    private readonly publishPartial: (view: MonteCarloView) => void
  ) {}

  presets(): ScenarioPreset[] {
    return presetNames().map((id) => ({
      id,
      scenario: readScenarioFile(join(resourcesDir(), 'scenarios', `${id}.json`))
    }))
  }

  validate(json: unknown): ScenarioValidation {
    return checkScenario(json)
  }

  async run(json: unknown): Promise<ScenarioOutcome<ScenarioRun>> {
    const check = checkScenario(json)
    if (!check.ok) return { status: 'invalid', problems: check.problems }
    const { scenario } = check
    const outcome = await this.tasks.run('scenario', `Run “${scenario.name}”`, async (task) => {
      const started = performance.now()
      const prepared = await this.prepare(scenario, task)
      const { steps } = prepared.plan
      const stepsText = steps.toLocaleString('en-US')
      task.report(0, `starting ${stepsText} steps`)
      const pool = await this.livePool()
      // The path runs on a worker: main keeps answering IPC, and Cancel stops it within a step.
      const run = await pool.runTimeline(
        {
          book: prepared.timelineBook,
          inputs: prepared.inputs,
          // Heatmap rows only at the points the view shows: a long run stays small in memory.
          heatmap: { ...prepared.scenario.heatmap, every: strideFor(steps) }
        },
        {
          signal: task.signal,
          onProgress: (stepsDone) =>
            task.report(
              stepsDone / steps,
              `step ${stepsDone.toLocaleString('en-US')} of ${stepsText}`
            )
        }
      )
      if (run.cancelled) throw new CancelledError()
      return scenarioRunView(prepared, run.binned, {
        runId: ++this.runs,
        bookVersion: this.books.currentVersion,
        elapsedMs: performance.now() - started
      })
    })
    return outcome.status === 'done' ? { status: 'done', result: outcome.value } : outcome
  }

  async monteCarlo(request: MonteCarloRequest): Promise<ScenarioOutcome<MonteCarloView>> {
    const check = checkScenario(request.scenario)
    if (!check.ok) return { status: 'invalid', problems: check.problems }
    const { scenario } = check
    const paths = request.paths ?? scenario.monteCarlo.paths
    const label = `Monte Carlo “${scenario.name}”, ${paths.toLocaleString('en-US')} paths`
    const outcome = await this.tasks.run('monteCarlo', label, async (task) => {
      const prepared = await this.prepare(scenario, task)
      refuseOversizedRun(paths, prepared)
      const { zoneReach, zoneStep, levels, percentiles } = prepared.scenario.monteCarlo
      const zones = findRunawayZones(prepared.ladders, prepared.plan, zoneReach, zoneStep)
      const runId = ++this.runs
      const view = (results: MonteCarloResults, workers: number, elapsedMs: number) =>
        monteCarloView(prepared, summarizeMonteCarlo(results, zones, { levels, percentiles }), {
          runId,
          bookVersion: this.books.currentVersion,
          workers,
          elapsedMs
        })
      const partials = new PartialSummaries()
      task.report(null, 'starting the workers')
      const pool = await this.poolOf(Math.min(request.workers ?? availableParallelism(), paths))
      const run = await pool.run(
        { book: prepared.timelineBook, inputs: prepared.inputs, paths },
        {
          signal: task.signal,
          onProgress: ({ completed, total, elapsedMs, results, workers }) => {
            task.report(
              completed / total,
              `${completed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} paths`
            )
            if (completed < total && partials.due())
              partials.timed(() => this.publishPartial(view(results, workers, elapsedMs)))
          }
        }
      )
      return view(run.results, run.workers, run.elapsedMs)
    })
    // A cancelled run ends normally with the paths that finished: the summary says so.
    return outcome.status === 'done' ? { status: 'done', result: outcome.value } : outcome
  }

  /**
   * The worker pool, kept from run to run (starting workers costs more than a small run) and
   * restarted only for another size, or after a worker failed.
   */
  private async poolOf(size: number): Promise<MonteCarloPool> {
    if (this.pool && this.pool.size === size && !this.pool.isBroken) return this.pool
    await this.pool?.close()
    this.pool = null
    this.pool = await MonteCarloPool.start(size)
    return this.pool
  }

  /** The pool as it is, whatever its size (a timeline run needs one worker), else a new one. */
  private async livePool(): Promise<MonteCarloPool> {
    if (this.pool && !this.pool.isBroken) return this.pool
    return this.poolOf(availableParallelism())
  }

  /** Stops the workers: main is shutting down. */
  async dispose(): Promise<void> {
    await this.pool?.close()
    this.pool = null
  }

  /**
   * The scenario against the current book, prepared on a worker (seconds on a million positions):
   * main keeps answering IPC, and Cancel ends the task at once. What only the book can refuse (a
   * driver it does not trade, a market with no liquidity model) fails the task with the engine's
   * message.
   */
  private async prepare(scenario: Scenario, task: TaskContext): Promise<PreparedRun> {
    task.report(null, 'liquidation prices at the start prices')
    const pool = await this.livePool()
    const { live, lending, impact } = this.books.current
    const outcome = await pool.prepare(
      scenario,
      {
        book: live.book,
        registry: live.registry,
        lending,
        prices: live.prices,
        defaultImpact: impact
      },
      { signal: task.signal }
    )
    if (outcome.cancelled) throw new CancelledError()
    // A turn of the event loop before the run copies the timeline book to shared memory.
    await yieldToEventLoop()
    return outcome.prepared
  }
}

/**
 * Most memory a Monte Carlo run may keep: every path's price at every step (for the fan chart)
 * and its metrics. Past it the run would exhaust main's memory instead of finishing.
 */
export const MONTE_CARLO_MEMORY_BUDGET = 1024 ** 3

function refuseOversizedRun(paths: number, prepared: PreparedRun): void {
  const { steps, markets } = prepared.plan
  const bytes =
    paths * steps * markets.length * Float32Array.BYTES_PER_ELEMENT +
    paths * metricsWidth(markets.length) * Float64Array.BYTES_PER_ELEMENT
  if (bytes <= MONTE_CARLO_MEMORY_BUDGET) return
  const most = Math.floor((paths * MONTE_CARLO_MEMORY_BUDGET) / bytes)
  throw new Error(
    `${paths.toLocaleString('en-US')} paths of ${steps.toLocaleString('en-US')} steps on ${markets.length} market${markets.length === 1 ? '' : 's'} need ${(bytes / 1024 ** 3).toFixed(1)} GB: run at most ${most.toLocaleString('en-US')} paths, or fewer steps`
  )
}
