import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import {
  addPathBatch,
  createMonteCarloResults,
  type MonteCarloResults
} from '../../engine/montecarlo/monteCarloResults'
import type { PreparedTimeline, TimelineSource } from '../../engine/timeline/prepareTimeline'
import type { Scenario } from '../../engine/timeline/scenarioSchema'
import type { TimelineBook } from '../../engine/timeline/timelineBook'
import type { HeatmapRecording } from '../../engine/timeline/timelineRun'
import { compileTimeline, type TimelineInputs } from '../../engine/timeline/timelinePlan'
import type { BinnedTimeline } from '../services/scenarioRunView'
import { yieldToEventLoop } from '../services/yieldToEventLoop'
import { postSource } from './postedBook'
import { toSharedArrays } from './sharedArrays'
import { siblingScript, startWorker } from './startWorker'
import type { FromWorker, ToWorker } from './workerMessages'

export interface MonteCarloJob {
  /** Shared with the workers for the run; pass it through toSharedArrays once to share it for good. */
  book: TimelineBook
  inputs: TimelineInputs
  paths: number
}

export interface MonteCarloProgress {
  completed: number
  total: number
  elapsedMs: number
  workers: number
  /** The paths so far, live: read it (summarise the partial run) during the call, do not keep it. */
  results: MonteCarloResults
}

export interface MonteCarloRunOptions {
  /**
   * Paths per batch handed to a worker. Default: batches shrinking with the paths left (a
   * quarter of each worker's share, at most 100), so the workers finish together.
   */
  batchSize?: number
  /** Stops the run at once and keeps the paths finished so far; the pool stays usable. */
  signal?: AbortSignal
  /** After each batch. */
  onProgress?: (progress: MonteCarloProgress) => void
}

/** One detailed timeline run (path 0, every detail recorded), binned for the timeline view. */
export interface TimelineJob {
  book: TimelineBook
  inputs: TimelineInputs
  heatmap: HeatmapRecording
}

export interface TimelineRunOptions {
  /** Stops the run within a step; the promise settles at once and the pool stays usable. */
  signal?: AbortSignal
  /** A few times a second while the path runs. */
  onProgress?: (stepsDone: number) => void
}

export type TimelineOutcome = { cancelled: true } | { cancelled: false; binned: BinnedTimeline }

/** A prepared timeline as main keeps it: the liquidation table stays on the worker. */
export type PreparedRun = Omit<PreparedTimeline, 'table'>

export type PrepareOutcome = { cancelled: true } | { cancelled: false; prepared: PreparedRun }

export interface MonteCarloRun {
  results: MonteCarloResults
  cancelled: boolean
  workers: number
  /** From the start of the run, the pool already started. */
  elapsedMs: number
}

const MAX_BATCH = 100
/** Batches each worker has queued, so none waits for the main thread between two. */
const IN_FLIGHT = 2

interface ActiveRun {
  run: number
  job: MonteCarloJob
  results: MonteCarloResults
  next: number
  /** Fixed, or null for shrinking batches. */
  batchSize: number | null
  started: number
  options: MonteCarloRunOptions
  /** Ends the run: finished, cancelled, or failed. */
  settle: (end: { cancelled: boolean } | { error: Error }) => void
}

interface ActiveTimeline {
  run: number
  onProgress?: (stepsDone: number) => void
  settle: (end: TimelineOutcome | { error: Error }) => void
}

interface ActivePrepare {
  run: number
  settle: (end: PrepareOutcome | { error: Error }) => void
}

/**
 * Worker threads that run Monte Carlo paths, started once and reused run after run. A run sends
 * the book to every worker once, in shared memory; each worker compiles the plan and runs the
 * batches it is handed, path i always from the seed of path i, so the results do not depend on
 * how many workers ran them or in what order the batches came back. A detailed timeline run goes
 * to the first worker alone.
 */
export class MonteCarloPool {
  private runs = 0
  private active: ActiveRun | null = null
  private activeTimeline: ActiveTimeline | null = null
  private activePrepare: ActivePrepare | null = null
  private broken: Error | null = null

  private constructor(private readonly workers: Worker[]) {}

  /** Starts `size` workers (default: one per core) and waits until each has loaded its code. */
  static async start(size = availableParallelism()): Promise<MonteCarloPool> {
    const workers = Array.from({ length: Math.max(1, size) }, () =>
      startWorker(siblingScript(import.meta.url, 'monteCarloWorker'))
    )
    const pool = new MonteCarloPool(workers)
    try {
      await Promise.all(workers.map((worker) => pool.listen(worker)))
    } catch (error) {
      await pool.close()
      throw error
    }
    return pool
  }

  get size(): number {
    return this.workers.length
  }

  /** A worker stopped or the pool was closed: it runs nothing more. */
  get isBroken(): boolean {
    return this.broken !== null
  }

  run(job: MonteCarloJob, options: MonteCarloRunOptions = {}): Promise<MonteCarloRun> {
    const refused = this.refusal()
    if (refused) return Promise.reject(refused)
    const { paths, inputs } = job
    const results = createMonteCarloResults(paths, inputs.markets.length, inputs.scenario.steps)
    const batchSize = options.batchSize ?? null
    const started = performance.now()
    const outcome = (cancelled: boolean): MonteCarloRun => ({
      results,
      cancelled,
      workers: this.size,
      elapsedMs: performance.now() - started
    })
    if (options.signal?.aborted) return Promise.resolve(outcome(true))
    return new Promise((resolve, reject) => {
      const cancel = (): void => active.settle({ cancelled: true })
      const active: ActiveRun = {
        run: ++this.runs,
        job,
        results,
        next: 0,
        batchSize,
        started,
        options,
        settle: (end) => {
          if (this.active !== active) return
          this.active = null
          options.signal?.removeEventListener('abort', cancel)
          if ('error' in end) reject(end.error)
          else resolve(outcome(end.cancelled))
        }
      }
      this.active = active
      options.signal?.addEventListener('abort', cancel)
      const book = toSharedArrays(job.book)
      const load: ToWorker = { kind: 'load', run: active.run, book, inputs }
      for (const worker of this.workers) worker.postMessage(load)
    })
  }

  /**
   * Runs path 0 of the job with every detail recorded on one worker, and bins it there: main
   * only receives the binned view, and stays free to answer IPC and cancel meanwhile.
   */
  runTimeline(job: TimelineJob, options: TimelineRunOptions = {}): Promise<TimelineOutcome> {
    const refused = this.refusal()
    if (refused) return Promise.reject(refused)
    if (options.signal?.aborted) return Promise.resolve({ cancelled: true })
    const stop = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
    return new Promise((resolve, reject) => {
      const cancel = (): void => {
        // The worker reads the flag after every step; main does not wait for it to stop.
        Atomics.store(stop, 0, 1)
        active.settle({ cancelled: true })
      }
      const active: ActiveTimeline = {
        run: ++this.runs,
        onProgress: options.onProgress,
        settle: (end) => {
          if (this.activeTimeline !== active) return
          this.activeTimeline = null
          options.signal?.removeEventListener('abort', cancel)
          if ('error' in end) reject(end.error)
          else resolve(end)
        }
      }
      this.activeTimeline = active
      options.signal?.addEventListener('abort', cancel)
      const message: ToWorker = {
        kind: 'timeline',
        run: active.run,
        book: toSharedArrays(job.book),
        inputs: job.inputs,
        heatmap: job.heatmap,
        stop
      }
      this.workers[0].postMessage(message)
    })
  }

  /**
   * Prepares `scenario` against `source` (prepareTimeline: seconds on a million positions) on the
   * first worker. Main only takes the source as it is (the book's live rows copied at once, then
   * its ids serialized a chunk per turn of its event loop) to post it, and compiles the plan (milliseconds) from what comes back: the same
   * functions on the same data, so the same result. Cancel settles at once; the worker finishes
   * the preparation it is in, and its answer is dropped.
   */
  prepare(
    scenario: Scenario,
    source: TimelineSource,
    options: { signal?: AbortSignal } = {}
  ): Promise<PrepareOutcome> {
    const refused = this.refusal()
    if (refused) return Promise.reject(refused)
    const { signal } = options
    if (signal?.aborted) return Promise.resolve({ cancelled: true })
    return new Promise((resolve, reject) => {
      const cancel = (): void => active.settle({ cancelled: true })
      const active: ActivePrepare = {
        run: ++this.runs,
        settle: (end) => {
          if (this.activePrepare !== active) return
          this.activePrepare = null
          signal?.removeEventListener('abort', cancel)
          if ('error' in end) reject(end.error)
          else resolve(end)
        }
      }
      this.activePrepare = active
      signal?.addEventListener('abort', cancel)
      postSource(source, yieldToEventLoop, signal).then(
        ({ posted, transfer }) => {
          // Cancelled, or the pool failed, while the book was being copied: nothing to post.
          if (this.activePrepare !== active) return
          const message: ToWorker = {
            kind: 'prepare',
            run: active.run,
            scenario,
            source: posted
          }
          this.workers[0].postMessage(message, transfer)
        },
        (error: Error) => active.settle(signal?.aborted ? { cancelled: true } : { error })
      )
    })
  }

  async close(): Promise<void> {
    this.broken ??= new Error('the Monte Carlo pool is closed')
    this.active?.settle({ error: this.broken })
    this.activeTimeline?.settle({ error: this.broken })
    this.activePrepare?.settle({ error: this.broken })
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  /** Routes a worker's messages; resolves once it has started. */
  private listen(worker: Worker): Promise<void> {
    return new Promise((started, failed) => {
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'started') started()
        else this.receive(worker, message)
      })
      worker.on('error', (error) => {
        failed(error)
        this.fail(error)
      })
      worker.on('exit', (code) => {
        const error = new Error(`a Monte Carlo worker stopped (exit code ${code})`)
        failed(error)
        this.fail(error)
      })
    })
  }

  /** Why the pool cannot take a run now, or null. */
  private refusal(): Error | null {
    if (this.broken) return this.broken
    if (this.active || this.activeTimeline || this.activePrepare)
      return new Error('a simulation run is already going on this pool')
    return null
  }

  private receive(worker: Worker, message: Exclude<FromWorker, { kind: 'started' }>): void {
    const preparing = this.activePrepare
    if (preparing && message.run === preparing.run) {
      if (message.kind === 'prepared') {
        // A turn of the event loop between receiving a large book and compiling its plan.
        void yieldToEventLoop().then(() => {
          const { inputs, timelineBook } = message.prepared
          const plan = compileTimeline(inputs, timelineBook)
          preparing.settle({ cancelled: false, prepared: { ...message.prepared, plan } })
        })
      } else if (message.kind === 'failed')
        preparing.settle({
          error: new Error(
            message.expected ? message.message : `prepare worker: ${message.message}`
          )
        })
      return
    }
    const timeline = this.activeTimeline
    if (timeline && message.run === timeline.run) {
      if (message.kind === 'timelineProgress') timeline.onProgress?.(message.stepsDone)
      else if (message.kind === 'timeline')
        timeline.settle({ cancelled: false, binned: message.binned })
      else if (message.kind === 'failed')
        timeline.settle({ error: new Error(`timeline worker: ${message.message}`) })
      return
    }
    const active = this.active
    if (!active || message.run !== active.run) return
    if (message.kind === 'failed') {
      active.settle({ error: new Error(`Monte Carlo worker: ${message.message}`) })
      return
    }
    if (message.kind === 'ready') {
      for (let i = 0; i < IN_FLIGHT; i++) this.dispatch(worker, active)
      return
    }
    if (message.kind !== 'batch') return
    addPathBatch(active.results, message.batch)
    active.options.onProgress?.({
      completed: active.results.completed,
      total: active.job.paths,
      elapsedMs: performance.now() - active.started,
      workers: this.size,
      results: active.results
    })
    this.dispatch(worker, active)
  }

  private dispatch(worker: Worker, active: ActiveRun): void {
    const { paths } = active.job
    if (active.results.completed === paths) return active.settle({ cancelled: false })
    const left = paths - active.next
    if (left <= 0) return
    const count = Math.min(
      left,
      active.batchSize ?? Math.min(MAX_BATCH, Math.ceil(left / (4 * this.size)))
    )
    const message: ToWorker = { kind: 'paths', run: active.run, from: active.next, count }
    active.next += count
    worker.postMessage(message)
  }

  private fail(error: Error): void {
    if (this.broken) return
    this.broken = error
    this.active?.settle({ error })
    this.activeTimeline?.settle({ error })
    this.activePrepare?.settle({ error })
  }
}
