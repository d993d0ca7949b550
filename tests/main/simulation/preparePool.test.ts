import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendPosition, createBook } from '../../../src/engine/book/book'
import { samplePositions } from '../../../src/engine/sample/samplePositions'
import { prepareTimeline, type TimelineSource } from '../../../src/engine/timeline/prepareTimeline'
import type { Scenario } from '../../../src/engine/timeline/scenarioSchema'
import { runTimeline } from '../../../src/engine/timeline/timelineRun'
import { MonteCarloPool, type PreparedRun } from '../../../src/main/simulation/monteCarloPool'
import { resolveScenario } from '../../../src/main/simulation/scenarioFiles'
import { sampleSource } from '../../engine/timeline/fixtures'

const { scenario: flashCrash } = resolveScenario('flash-crash')
const scenario: Scenario = { ...flashCrash, steps: 60 }

/** The sample book's first `rows` positions, in columns with spare room past the live rows. */
function roomySource(rows: number): TimelineSource & { prices: Map<string, number> } {
  const sample = sampleSource(rows)
  const book = createBook(rows * 2 + 7)
  for (const row of samplePositions({ rows, seed: 7 })) appendPosition(book, row)
  return { ...sample, book, prices: new Map(sample.prices) }
}

/**
 * Where `a` and `b` differ bit for bit: numbers by Object.is, typed arrays by their bytes, objects
 * key by key in order. Functions (the plan's impact models) are compared by their constructor.
 */
function differences(a: unknown, b: unknown, path = '', found: string[] = []): string[] {
  if (typeof a === 'function' || typeof b === 'function') {
    if (a?.constructor !== b?.constructor) found.push(`${path}: another function`)
  } else if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const bytes = (view: ArrayBufferView) =>
      Buffer.from(view.buffer, view.byteOffset, view.byteLength)
    if (a.constructor !== b.constructor || !bytes(a).equals(bytes(b)))
      found.push(`${path}: other ${a.constructor.name} contents`)
  } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = Object.keys(a)
    if (keys.join() !== Object.keys(b).join()) found.push(`${path}: other keys`)
    else
      for (const key of keys)
        differences(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
          `${path}.${key}`,
          found
        )
  } else if (!Object.is(a, b)) found.push(`${path}: ${String(a)} ≠ ${String(b)}`)
  return found
}

let pool: MonteCarloPool

beforeAll(async () => {
  pool = await MonteCarloPool.start(2)
})
afterAll(() => pool.close())

describe('preparing a scenario on a worker', () => {
  it('gives bit for bit what prepareTimeline gives on main, and the same runs', async () => {
    // Past 100,000 positions, so the ids cross in two chunks.
    const source = roomySource(150_000)
    const { table, ...onMain } = prepareTimeline(scenario, source)
    expect(table.crossGroups.length).toBeGreaterThan(0)
    const preparing = pool.prepare(scenario, source)
    // The source is taken as it was when asked: an edit made while it is posted changes nothing.
    source.book.size[0] *= 2
    source.book.ids[150_000 - 1] = 'edited'
    source.prices.set('BTC', 1)
    const outcome = await preparing
    if (outcome.cancelled) throw new Error('cancelled')
    const { prepared } = outcome
    // The liquidation table stays on the worker: main needs none of it.
    expect(Object.keys(prepared).sort()).toEqual(Object.keys(onMain).sort())
    expect(differences(prepared, onMain)).toEqual([])
    expect(differences({ p: Float64Array.of(0) }, { p: Float64Array.of(-0) })).toHaveLength(1)
    // The same detailed path and the same Monte Carlo paths from either preparation.
    const path = (p: PreparedRun) => runTimeline(p.plan, p.timelineBook, p.scenario.heatmap, 0)
    expect(differences(path(prepared), path(onMain))).toEqual([])
    const paths = async (p: PreparedRun) =>
      (await pool.run({ book: p.timelineBook, inputs: p.inputs, paths: 8 })).results
    const [fromWorker, fromMain] = [await paths(prepared), await paths(onMain)]
    expect(fromWorker.completed).toBe(8)
    expect(differences(fromWorker, fromMain)).toEqual([])
  })

  it("fails with the engine's message when the book cannot run the scenario", async () => {
    const source = sampleSource(500)
    const stranger: Scenario = {
      ...scenario,
      driver: 'XYZ',
      markets: [...scenario.markets, { ...scenario.markets[0], underlying: 'XYZ' }]
    }
    expect(() => prepareTimeline(stranger, source)).toThrow(/^scenario driver: /)
    await expect(pool.prepare(stranger, source)).rejects.toThrow(
      /^scenario driver: the book has no price for XYZ; give its market a startPrice$/
    )
  })

  it('settles a cancelled preparation at once, and the pool runs the next one', async () => {
    const source = sampleSource(100_000)
    const controller = new AbortController()
    const preparing = pool.prepare(scenario, source, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 30))
    controller.abort()
    expect(await preparing).toEqual({ cancelled: true })
    const next = await pool.prepare(scenario, sampleSource(500))
    expect(next.cancelled).toBe(false)
  })
})
