import { parentPort } from 'node:worker_threads'
import { simulatePaths } from '../../engine/montecarlo/simulatePaths'
import { PathState } from '../../engine/timeline/pathState'
import { compileTimeline } from '../../engine/timeline/timelinePlan'
import type { FromWorker, ToWorker } from './workerMessages'

/**
 * A Monte Carlo worker: for each run, compiles the plan from the inputs (the same function as the
 * main thread, so the same plan) and keeps one path state; then runs the batches it is sent.
 */
const port = parentPort
if (!port) throw new Error('monteCarloWorker runs as a worker thread')

let state: { run: number; paths: PathState } | null = null

const reply = (message: FromWorker, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer)

port.on('message', (message: ToWorker) => {
  try {
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
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    reply({ kind: 'failed', run: message.run, message: text })
  }
})

reply({ kind: 'started' })
