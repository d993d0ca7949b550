import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { MAX_POINTS } from '../../src/main/services/scenarioRunView'
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
    main.events.length = 0
    const scenario = await flashCrash({ steps: 40 })
    const running = main.handlers['sim:monteCarlo']({ scenario, paths: 50_000, workers: 2 })
    // Cancel once main has published a summary of the paths so far (about a second in).
    const partial = await new Promise<MonteCarloView>((resolve) => {
      const timer = setInterval(() => {
        const event = main.events.find((e) => e.event === 'sim:monteCarloPartial')
        const task = main.events.findLast((e) => e.event === 'app:task')?.payload as
          TaskState | undefined
        if (event && task) {
          clearInterval(timer)
          main.services.tasks.cancel(task.id)
          resolve(event.payload as MonteCarloView)
        }
      }, 20)
    })
    expect(partial.complete).toBe(false)
    expect(partial.completedPaths).toBeGreaterThan(0)
    expect(partial.metrics['liquidatedNotional'].count).toBe(partial.completedPaths)
    const outcome = await running
    if (outcome.status !== 'done') throw new Error(outcome.status)
    expect(outcome.result.runId).toBe(partial.runId)
    expect(outcome.result.complete).toBe(false)
    expect(outcome.result.completedPaths).toBeGreaterThanOrEqual(partial.completedPaths)
    expect(outcome.result.completedPaths).toBeLessThan(50_000)
    expect(outcome.result.metrics['liquidatedNotional'].count).toBe(outcome.result.completedPaths)
  })
})
