/**
 * Monte Carlo benchmark (issue 4): a sample book, N seeded paths of a stochastic four-market
 * scenario, on worker threads. Prints paths per second per core and the speed-up from one worker
 * to two as ratios measured in this run, then times the full run.
 *
 *   npx tsx tests/bench/monteCarlo.ts [--rows 1000000 --paths 10000 --steps 500]
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { appendPosition, createBook } from '../../src/engine/book/book'
import { groupLendingLegs } from '../../src/engine/lending/lendingBook'
import { findRunawayZones } from '../../src/engine/montecarlo/runawayZones'
import { summarizeMonteCarlo } from '../../src/engine/montecarlo/summarizeMonteCarlo'
import { SAMPLE_MARKETS } from '../../src/engine/sample/sampleMarkets'
import { sampleLendingLegs } from '../../src/engine/sample/sampleLendingLegs'
import { samplePositions } from '../../src/engine/sample/samplePositions'
import { parseScenario } from '../../src/engine/timeline/parseScenario'
import { prepareTimeline } from '../../src/engine/timeline/prepareTimeline'
import { loadTierRegistry } from '../../src/main/marketData/tierFiles'
import { resourcesDir } from '../../src/main/resourcesDir'
import { loadSampleWorkspace } from '../../src/main/sampleWorkspace'
import { MonteCarloPool, type MonteCarloJob } from '../../src/main/simulation/monteCarloPool'
import { toSharedArrays } from '../../src/main/simulation/sharedArrays'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    paths: { type: 'string', default: '10000' },
    steps: { type: 'string', default: '500' }
  }
})
const rows = Number(values.rows)
const paths = Number(values.paths)
const steps = Number(values.steps)
/** The speed-up is measured on a fifth of the paths (at least 200), on each pool size. */
const speedupPaths = Math.min(paths, Math.max(200, Math.round(paths / 5)))

const line = (label: string, text: string): void => console.log(`${label.padEnd(44)} ${text}`)
const count = (n: number): string => n.toLocaleString('en-US')
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`

/**
 * A stressed trading day: BTC with 3.5% daily volatility and two jumps a day averaging -1.5%,
 * the other markets following it through their betas, one-step oracle lag, engines limited to
 * $50M per venue and step, large positions in quarter slices, funds at 0.5% of open interest.
 */
const scenario = parseScenario({
  version: 1,
  name: 'Monte Carlo benchmark',
  seed: 42,
  steps,
  stepSeconds: 60,
  driver: 'BTC',
  markets: [
    {
      underlying: 'BTC',
      path: [
        { kind: 'gbm', volatility: 0.035, jumpsPerDay: 2, jumpMean: -0.015, jumpVolatility: 0.02 }
      ],
      oracleLagSteps: 1
    },
    { underlying: 'ETH', beta: 1.25, path: [{ kind: 'gbm', volatility: 0.015 }] },
    { underlying: 'SOL', beta: 1.5 },
    { underlying: 'LTC', beta: 1.1 }
  ],
  mechanics: {
    throughputPerStep: 50_000_000,
    insuranceFundShare: 0.005,
    sliceAbove: 5_000_000,
    sliceFraction: 0.25
  }
})

/** A started pool that has run a few paths, so its workers' code is compiled before it is timed. */
async function warmPool(size: number, job: MonteCarloJob): Promise<MonteCarloPool> {
  const pool = await MonteCarloPool.start(size)
  await pool.run({ ...job, paths: 10 * size })
  return pool
}

async function main(): Promise<void> {
  console.log(
    `Monte Carlo benchmark: ${count(rows)}-position sample book (seed 11), ${count(paths)} paths x ${count(steps)} steps, ${scenario.markets.length} markets\n`
  )
  const prepareStart = performance.now()
  const book = createBook(rows)
  for (const row of samplePositions({ rows, seed: 11 })) appendPosition(book, row)
  const prepared = prepareTimeline(scenario, {
    book,
    registry: loadTierRegistry(join(resourcesDir(), 'tiers')),
    lending: groupLendingLegs(sampleLendingLegs({ positions: 400, seed: 11 })),
    prices: new Map(SAMPLE_MARKETS.map((market) => [market.underlying, market.price])),
    defaultImpact: loadSampleWorkspace().impact
  })
  const slots = prepared.timelineBook.markets.reduce((sum, market) => sum + market.price.length, 0)
  line(
    'book, liquidation prices, timeline book',
    `${seconds(performance.now() - prepareStart)} (${count(slots)} liquidation levels; built once per book)`
  )

  // Shared once, as the app does per book: runs then send the workers references, not copies.
  const job = {
    book: toSharedArrays(prepared.timelineBook),
    inputs: prepared.inputs,
    paths: speedupPaths
  }
  const startOne = performance.now()
  const single = await warmPool(1, job)
  const startTwo = performance.now()
  const pair = await warmPool(2, job)
  line(
    'start and warm up pools (once per app)',
    `1 worker ${seconds(startTwo - startOne)}, 2 workers ${seconds(performance.now() - startTwo)}`
  )
  const one = await single.run(job)
  await single.close()
  const two = await pair.run(job)
  const same = one.results.metrics.every((value, i) => Object.is(value, two.results.metrics[i]))
  if (!same) throw new Error('one worker and two disagree: the run is not deterministic')
  const perCore = speedupPaths / (one.elapsedMs / 1000)
  line(
    `1 worker, ${count(speedupPaths)} paths`,
    `${seconds(one.elapsedMs)} = ${perCore.toFixed(0)} paths per second per core`
  )
  line(
    `2 workers, ${count(speedupPaths)} paths`,
    `${seconds(two.elapsedMs)} = ${(one.elapsedMs / two.elapsedMs).toFixed(2)}x the speed of 1 worker (target >= 1.8x); same results bit for bit`
  )

  const full = await pair.run({ ...job, paths })
  await pair.close()
  const summaryStart = performance.now()
  const { zoneReach, zoneStep, levels, percentiles } = scenario.monteCarlo
  const zones = findRunawayZones(prepared.ladders, prepared.plan, zoneReach, zoneStep)
  const summary = summarizeMonteCarlo(full.results, zones, { levels, percentiles })
  const summaryMs = performance.now() - summaryStart
  const total = full.elapsedMs + summaryMs
  line(
    `full run, ${count(paths)} paths on 2 workers`,
    `${seconds(full.elapsedMs)} + summary ${seconds(summaryMs)} = ${seconds(total)} (target < 30 s); ${(paths / (full.elapsedMs / 1000) / 2).toFixed(0)} paths per second per core`
  )
  const liquidated = summary.metrics.liquidatedNotional
  line(
    '  liquidated per path (mean, VaR 99%)',
    `$${(liquidated.mean / 1e9).toFixed(2)}B, $${((liquidated.tail.at(-1)?.valueAtRisk ?? NaN) / 1e9).toFixed(2)}B`
  )
  line(
    'peak RSS (main thread and workers)',
    `${(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2)} GiB`
  )
}

await main()
