import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { findRunawayZones } from '../../src/engine/montecarlo/runawayZones'
import { summarizeMonteCarlo } from '../../src/engine/montecarlo/summarizeMonteCarlo'
import { parseScenario } from '../../src/engine/timeline/parseScenario'
import { prepareTimeline } from '../../src/engine/timeline/prepareTimeline'
import { runTimeline } from '../../src/engine/timeline/timelineRun'
import { dispatch } from '../../src/main/dispatch'
import { monteCarloView } from '../../src/main/services/monteCarloView'
import { openSampleWorkspace } from '../../src/main/services/openSampleWorkspace'
import { PartialSummaries } from '../../src/main/services/partialSummaries'
import { binTimelineRun, MAX_POINTS, strideFor } from '../../src/main/services/scenarioRunView'
import type { Workspace } from '../../src/main/services/workspace'
import { MonteCarloPool } from '../../src/main/simulation/monteCarloPool'
import type { EventChannel } from '../../src/shared/channels'
import type { MonteCarloView } from '../../src/shared/monteCarloTypes'
import type { ScenarioInput } from '../../src/shared/scenarioSchema'
import type { TaskState } from '../../src/shared/taskTypes'
import { bootMain, type Booted } from './serviceFixture'

let main: Booted

beforeAll(async () => {
  main = await bootMain()
})
afterAll(() => main.services.dispose())

/** The flash-crash preset, shortened so a test runs in a moment. */
async function flashCrash(more: Partial<ScenarioInput> = {}): Promise<ScenarioInput> {
  const { presets } = await main.handlers['sim:scenarioPresets'](undefined)
  const preset = presets.find((candidate) => candidate.id === 'flash-crash')
  if (!preset) throw new Error('flash-crash preset missing')
  return { ...preset.scenario, steps: 80, ...more }
}

const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0)

describe('scenario handlers', () => {
  it('lists the six shipped presets with their defaults filled in', async () => {
    const { presets } = await main.handlers['sim:scenarioPresets'](undefined)
    expect(presets.map((preset) => preset.id)).toEqual([
      'depth-withdrawal',
      'flash-crash',
      'liquidity-crisis-oracle-lag',
      'short-squeeze',
      'slow-bleed',
      'stablecoin-depeg'
    ])
    const flash = presets.find((preset) => preset.id === 'flash-crash')!
    expect(flash.scenario.mechanics.sliceFraction).toBe(0.25)
    expect(flash.scenario.monteCarlo.percentiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95])
  })

  it('names every bad field with its path, in words', async () => {
    const scenario = await flashCrash()
    const broken = {
      ...scenario,
      steps: 0,
      markets: [{ ...scenario.markets[0], path: [{ kind: 'gap', atStep: 2, move: -1.5 }] }]
    }
    const validation = await main.handlers['sim:validateScenario']({ scenario: broken })
    expect(validation.ok).toBe(false)
    if (validation.ok) return
    expect(validation.problems).toEqual([
      { path: ['steps'], field: 'steps', message: 'must be at least 1' },
      {
        path: ['markets', 0, 'path', 0, 'move'],
        field: 'markets[0].path[0].move',
        message: 'a move is a signed fraction above -1 (-0.08 is an 8% fall)'
      }
    ])
    const good = await main.handlers['sim:validateScenario']({ scenario })
    expect(good.ok).toBe(true)
  })

  it('refuses a request whose scenario is not an object, and runs nothing invalid', async () => {
    await expect(
      dispatch(main.handlers, 'sim:runScenario', { scenario: 'flash-crash' })
    ).rejects.toThrow(/scenario/)
    const outcome = await main.handlers['sim:runScenario']({ scenario: { version: 1 } })
    expect(outcome.status).toBe('invalid')
  })

  it('runs the timeline on the current book: accounted, deterministic, reported as a task', async () => {
    main.events.length = 0
    const scenario = await flashCrash()
    const first = await main.handlers['sim:runScenario']({ scenario })
    const second = await main.handlers['sim:runScenario']({ scenario })
    if (first.status !== 'done' || second.status !== 'done') throw new Error(first.status)
    const run = first.result
    expect(run.points).toBe(80)
    expect(run.stride).toBe(1)
    expect(run.markets.map((market) => market.underlying)).toEqual(['BTC', 'ETH', 'SOL', 'LTC'])
    for (const market of run.markets) {
      const { openInterest, liquidated, deleveraged, remaining } = market.accounting
      expect(liquidated + deleveraged + remaining).toBeCloseTo(openInterest, 6)
      expect(market.profile.long.length).toBe(80 * (market.profile.edges.length - 1))
    }
    const btc = run.markets[0]
    expect(sum(btc.series.longNotional)).toBeCloseTo(btc.totals.longNotional, 2)
    expect(btc.totals.longNotional).toBeGreaterThan(0)
    // Same scenario, same seed, same book: the same numbers.
    expect(Array.from(second.result.markets[0].series.price)).toEqual(Array.from(btc.series.price))
    expect(second.result.runId).toBe(run.runId + 1)
    const tasks = main.events
      .filter((e) => e.event === 'app:task')
      .map((e) => e.payload as TaskState)
    expect(tasks.some((task) => task.kind === 'scenario' && task.state === 'done')).toBe(true)
  })

  it('bins a long run into at most MAX_POINTS points, flows summed and levels kept', async () => {
    const scenario = await flashCrash({ steps: 3000, stepSeconds: 1 })
    const outcome = await main.handlers['sim:runScenario']({ scenario })
    if (outcome.status !== 'done') throw new Error(outcome.status)
    const run = outcome.result
    expect(run.stride).toBe(Math.ceil(3000 / MAX_POINTS))
    expect(run.points).toBeLessThanOrEqual(MAX_POINTS)
    const btc = run.markets[0]
    expect(btc.series.price.length).toBe(run.points)
    expect(sum(btc.series.longNotional)).toBeCloseTo(btc.totals.longNotional, 2)
  })

  it('runs Monte Carlo on workers, the same for one worker as for two', async () => {
    const scenario = await flashCrash({ steps: 40 })
    const one = await main.handlers['sim:monteCarlo']({ scenario, paths: 12, workers: 1 })
    const two = await main.handlers['sim:monteCarlo']({ scenario, paths: 12, workers: 2 })
    if (one.status !== 'done' || two.status !== 'done') throw new Error(one.status)
    expect(two.result.workers).toBe(2)
    expect(two.result.complete).toBe(true)
    expect(two.result.metrics['liquidatedNotional']).toEqual(
      one.result.metrics['liquidatedNotional']
    )
    expect(two.result.markets[0].fan.values[0].length).toBe(40)
    const var95 = two.result.metrics['liquidatedNotional'].tail[0]
    expect(var95.expectedShortfall).toBeGreaterThanOrEqual(var95.valueAtRisk)
  })

  it('refuses a Monte Carlo run too big for memory, saying how many paths fit', async () => {
    const scenario = await flashCrash({ steps: 100_000, stepSeconds: 1 })
    const outcome = await main.handlers['sim:monteCarlo']({ scenario, paths: 1_000_000 })
    expect(outcome).toEqual({
      status: 'failed',
      message: expect.stringMatching(
        /^1,000,000 paths of 100,000 steps on 4 markets need [\d.]+ GB: run at most [\d,]+ paths, or fewer steps$/
      )
    })
  })

  it('summarises the paths so far while running, and keeps them when cancelled', async () => {
    const scenario = await flashCrash({ steps: 40 })
    // A summary after every batch, and Cancel from inside the first one: the run is stopped at
    // a known point, however fast this machine runs the paths.
    const due = vi.spyOn(PartialSummaries.prototype, 'due').mockReturnValue(true)
    try {
      const firstPartial = onFirstEvent('sim:monteCarloPartial', () =>
        main.services.tasks.cancelAll()
      )
      const running = main.handlers['sim:monteCarlo']({ scenario, paths: 5_000, workers: 2 })
      const partial = (await Promise.race([
        firstPartial,
        running.then(() => {
          throw new Error('the run ended before publishing a summary of the paths so far')
        })
      ])) as MonteCarloView
      expect(partial.complete).toBe(false)
      expect(partial.completedPaths).toBeGreaterThan(0)
      expect(partial.metrics['liquidatedNotional'].count).toBe(partial.completedPaths)
      const outcome = await running
      if (outcome.status !== 'done') throw new Error(outcome.status)
      expect(outcome.result.runId).toBe(partial.runId)
      expect(outcome.result.complete).toBe(false)
      expect(outcome.result.completedPaths).toBe(partial.completedPaths)
      expect(outcome.result.metrics['liquidatedNotional'].count).toBe(partial.completedPaths)
    } finally {
      due.mockRestore()
    }
  })
})

describe('the timeline run off the main thread', () => {
  it('gives the same numbers as the engine run synchronously on the same book', async () => {
    const input = await flashCrash({ steps: 3000, stepSeconds: 1 })
    const outcome = await main.handlers['sim:runScenario']({ scenario: input })
    if (outcome.status !== 'done') throw new Error(outcome.status)
    const { live, lending, impact } = main.services.books.current
    const prepared = prepareTimeline(parseScenario(input), {
      book: live.book,
      registry: live.registry,
      lending,
      prices: live.prices,
      defaultImpact: impact
    })
    const onMain = runTimeline(prepared.plan, prepared.timelineBook, {
      ...prepared.scenario.heatmap,
      every: strideFor(prepared.plan.steps)
    })
    const { runId, bookVersion, elapsedMs, scenario, skippedMarkets, ...binned } = outcome.result
    expect([runId, bookVersion, elapsedMs]).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number)
    ])
    expect(scenario).toEqual(prepared.scenario)
    expect(skippedMarkets).toEqual(prepared.skippedMarkets)
    expect(binned).toEqual(binTimelineRun(prepared.plan, onMain))
    expect(binned.totals.liquidatedNotional).toBeGreaterThan(0)
  })

  it('keeps main answering while the path runs, reports its steps, and stops at once on Cancel', async () => {
    main.events.length = 0
    const scenario = await flashCrash({ steps: 100_000, stepSeconds: 1 })
    const running = main.handlers['sim:runScenario']({ scenario })
    const stepping = await until(
      () =>
        main.events
          .filter((e) => e.event === 'app:task')
          .map((e) => e.payload as TaskState)
          .find((task) => task.state === 'running' && /^step [\d,]+ of 100,000$/.test(task.detail)),
      'a progress event from the steps running'
    )
    expect(stepping.progress).toBeGreaterThan(0)
    expect(stepping.progress).toBeLessThan(1)
    // While the path runs, main's event loop turns and other requests are answered.
    expect(await eventLoopTurns(100)).toBeGreaterThan(2)
    const validation = await main.handlers['sim:validateScenario']({ scenario })
    expect(validation.ok).toBe(true)
    expect(main.services.tasks.cancel(stepping.id)).toBe(true)
    const outcome = await running
    expect(outcome).toEqual({ status: 'cancelled' })
    // The cancelled run leaves the pool usable: the next run is done.
    const next = await main.handlers['sim:runScenario']({ scenario: await flashCrash() })
    expect(next.status).toBe('done')
  })
})

describe('the preparation off the main thread', () => {
  /** The scenario prepared on main, synchronously, against the current book. */
  const prepareOnMain = (input: ScenarioInput) => {
    const { live, lending, impact } = main.services.books.current
    return prepareTimeline(parseScenario(input), {
      book: live.book,
      registry: live.registry,
      lending,
      prices: live.prices,
      defaultImpact: impact
    })
  }

  it('gives the same Monte Carlo numbers as a preparation on main', async () => {
    const input = await flashCrash({ steps: 40 })
    const outcome = await main.handlers['sim:monteCarlo']({ scenario: input, paths: 16 })
    if (outcome.status !== 'done') throw new Error(outcome.status)
    const prepared = prepareOnMain(input)
    const pool = await MonteCarloPool.start(2)
    const run = await pool
      .run({ book: prepared.timelineBook, inputs: prepared.inputs, paths: 16 })
      .finally(() => pool.close())
    const { zoneReach, zoneStep, levels, percentiles } = prepared.scenario.monteCarlo
    const zones = findRunawayZones(prepared.ladders, prepared.plan, zoneReach, zoneStep)
    const onMain = monteCarloView(
      prepared,
      summarizeMonteCarlo(run.results, zones, { levels, percentiles }),
      { runId: 0, bookVersion: 0, workers: 0, elapsedMs: 0 }
    )
    const numbers = ({ runId, bookVersion, workers, elapsedMs, ...rest }: MonteCarloView) => {
      expect([runId, bookVersion, workers, elapsedMs].every(Number.isFinite)).toBe(true)
      return rest
    }
    expect(numbers(outcome.result)).toEqual(numbers(onMain))
    expect(outcome.result.completedPaths).toBe(16)
  })

  describe('on a large book', () => {
    let sample: Workspace
    beforeAll(async () => {
      sample = main.services.books.current
      const { sample: files, registry, books } = main.services
      books.replace(await openSampleWorkspace(files, registry, { rows: 300_000 }), 'open')
    }, 120_000)
    afterAll(() => main.services.books.replace(sample, 'open'))

    it('keeps main answering while 300k positions are prepared, and Cancel ends it at once', async () => {
      const scenario = await flashCrash()
      // Preparing this book on main took ~1 s in one piece, with no turn of the event loop: on
      // the worker, main's timers keep firing while it is prepared.
      let turnsWhilePreparing = 0
      const ticker = setInterval(() => {
        const preparing = main.events
          .filter((e) => e.event === 'app:task')
          .map((e) => e.payload as TaskState)
          .at(-1)
        if (preparing?.detail === 'liquidation prices at the start prices') turnsWhilePreparing++
      }, 5)
      main.events.length = 0
      const outcome = await main.handlers['sim:runScenario']({ scenario }).finally(() =>
        clearInterval(ticker)
      )
      expect(outcome.status).toBe('done')
      expect(turnsWhilePreparing).toBeGreaterThan(2)

      main.events.length = 0
      const running = main.handlers['sim:runScenario']({ scenario })
      const preparing = await until(
        () =>
          main.events
            .filter((e) => e.event === 'app:task')
            .map((e) => e.payload as TaskState)
            .find(
              (task) =>
                task.state === 'running' && task.detail === 'liquidation prices at the start prices'
            ),
        'a task preparing the scenario'
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(main.services.tasks.cancel(preparing.id)).toBe(true)
      expect(await running).toEqual({ status: 'cancelled' })
    }, 60_000)
  })
})

/** Resolves with `find()`'s first value, polling; fails after `withinMs` naming what it awaited. */
async function until<T>(find: () => T | undefined, awaited: string, withinMs = 10_000): Promise<T> {
  const deadline = performance.now() + withinMs
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (performance.now() > deadline) throw new Error(`no ${awaited} within ${withinMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** How many times a 5 ms timer fires on main in `forMs` ms: none while main is blocked. */
async function eventLoopTurns(forMs: number): Promise<number> {
  let turns = 0
  const ticker = setInterval(() => turns++, 5)
  await new Promise((resolve) => setTimeout(resolve, forMs))
  clearInterval(ticker)
  return turns
}

/**
 * The payload of the next `channel` event main emits; `act` runs as it is emitted, before main
 * goes on, so a test can cancel at an exact point of a run.
 */
function onFirstEvent(channel: EventChannel, act: () => void): Promise<unknown> {
  const { events } = main
  return new Promise((resolve) => {
    events.push = (...added) => {
      const length = Array.prototype.push.apply(events, added)
      const event = added.find((candidate) => candidate.event === channel)
      if (event) {
        Reflect.deleteProperty(events, 'push')
        act()
        resolve(event.payload)
      }
      return length
    }
  })
}
