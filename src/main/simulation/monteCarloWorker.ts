import { parentPort } from 'node:worker_threads'
import { simulatePaths } from '../../engine/montecarlo/simulatePaths'
import { PathState } from '../../engine/timeline/pathState'
import { prepareTimeline } from '../../engine/timeline/prepareTimeline'
import { PriceSeriesError } from '../../engine/timeline/priceSeries'
import { ScenarioError } from '../../engine/timeline/scenarioError'
import { runTimeline } from '../../engine/timeline/timelineRun'
import { compileTimeline } from '../../engine/timeline/timelinePlan'
import { binTimelineRun } from '../services/scenarioRunView'
import { receiveSource } from './postedBook'
import { toSharedArrays } from './sharedArrays'
import type { FromWorker, ToWorker } from './workerMessages'

/**
 * A simulation worker. Prepares a scenario against a book when asked (the same prepareTimeline
 * as the CLI's, so the same result), sending back what main needs: all but the plan and the
 * liquidation table. For each Monte Carlo run, compiles the plan from the inputs (the same
 * function as the main thread, so the same plan) and keeps one path state; then runs the batches
 * it is sent. A detailed timeline run is compiled, run and binned here in one go, so main's event
 * loop stays free for IPC and the cancel request.
 */
const port = parentPort
if (!port) throw new Error('monteCarloWorker runs as a worker thread')

/** Timeline progress messages at most this often: the task runner shows 10 a second at most. */
const PROGRESS_INTERVAL_MS = 50

/** Thrown from inside a timeline run that main has stopped: main has moved on, nothing to send. */
class TimelineStopped extends Error {}

let state: { run: number; paths: PathState } | null = null

const reply = (message: FromWorker, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer)

function runDetailedTimeline(message: Extract<ToWorker, { kind: 'timeline' }>): void {
  const plan = compileTimeline(message.inputs, message.book)
  let reported = performance.now()
  const run = runTimeline(plan, message.book, message.heatmap, 0, (stepsDone) => {
    if (Atomics.load(message.stop, 0) !== 0) throw new TimelineStopped()
    const now = performance.now()
    if (now - reported < PROGRESS_INTERVAL_MS) return
    reported = now
    reply({ kind: 'timelineProgress', run: message.run, stepsDone })
  })
  const binned = binTimelineRun(plan, run)
  reply({ kind: 'timeline', run: message.run, binned }, ownBuffers(binned))
}

function prepare(message: Extract<ToWorker, { kind: 'prepare' }>): void {
  try {
    const {
      plan: _plan,
      table: _table,
      ...prepared
    } = prepareTimeline(message.scenario, receiveSource(message.source))
    // In shared memory: main receives it without a copy, and posts it on to the workers as it is.
    reply({ kind: 'prepared', run: message.run, prepared: toSharedArrays(prepared) })
  } catch (error) {
    if (!(error instanceof ScenarioError || error instanceof PriceSeriesError)) throw error
    reply({ kind: 'failed', run: message.run, message: error.message, expected: true })
  }
}

/** The buffers of every typed array in `value` that can be moved rather than copied. */
function ownBuffers(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer)
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) ownBuffers(item, found)
  }
  return [...found]
}

port.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'timeline') {
      runDetailedTimeline(message)
      return
    }
    if (message.kind === 'prepare') {
      prepare(message)
      return
    }
    if (message.kind === 'load') {
      const plan = compileTimeline(message.inputs, message.book)
      state = { run: message.run, paths: new PathState(plan, message.book) }
      reply({ kind: 'ready', run: message.run })
      return
    }
    if (state?.run !== message.run)
      throw new Error(`batch for run ${message.run}, which was not loaded`)
    const batch = simulatePaths(state.paths, message.from, message.count)
    reply({ kind: 'batch', run: message.run, batch }, [
      batch.metrics.buffer as ArrayBuffer,
      batch.prices.buffer as ArrayBuffer
    ])
  } catch (error) {
    if (error instanceof TimelineStopped) return
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    reply({ kind: 'failed', run: message.run, message: text })
  }
})

reply({ kind: 'started' })
