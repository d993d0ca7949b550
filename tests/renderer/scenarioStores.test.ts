// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseScenario } from '../../src/engine/timeline/parseScenario'
import type { ScenarioPreset } from '../../src/shared/scenarioRunTypes'
import { sampleRun } from './scenarioSamples'

const fake = vi.hoisted(() => ({ api: null as unknown as import('./fakeApi').FakeApi }))
vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  fake.api = createFakeApi()
  return { api: fake.api, userMessage: (error: unknown) => (error as Error).message }
})

const { useScenarioStore, readScenarioText } =
  await import('../../src/renderer/src/stores/scenarioStore')
const { useTimelineStore, busiestPoint, MAX_COMPARED } =
  await import('../../src/renderer/src/stores/timelineStore')
const { useMonteCarloStore } = await import('../../src/renderer/src/stores/monteCarloStore')

const preset = (id: string, name: string): ScenarioPreset => ({
  id,
  scenario: parseScenario({
    version: 1,
    name,
    steps: 10,
    stepSeconds: 60,
    markets: [{ underlying: 'BTC', path: [{ kind: 'gap', atStep: 2, move: -0.05 }] }]
  })
})

beforeEach(() => {
  vi.useFakeTimers()
  setActivePinia(createPinia())
  fake.api.forgetListeners()
  for (const mock of Object.values(fake.api)) if (vi.isMockFunction(mock)) mock.mockReset()
  fake.api.scenarioPresets.mockResolvedValue({
    presets: [preset('depth-withdrawal', 'Depth withdrawal'), preset('flash-crash', 'Flash crash')]
  })
  fake.api.validateScenario.mockResolvedValue({ ok: true, scenario: preset('x', 'x').scenario })
})
afterEach(() => vi.useRealTimers())

describe('scenario store', () => {
  it('opens on the flash crash and validates each edit in main once typing pauses', async () => {
    const scenarios = useScenarioStore()
    await scenarios.loadPresets()
    expect(scenarios.selected?.draft.name).toBe('Flash crash')
    expect(scenarios.selected?.origin).toBe('preset flash-crash')
    await vi.advanceTimersByTimeAsync(250)
    expect(fake.api.validateScenario).toHaveBeenCalledTimes(1)
    expect(scenarios.valid).toBe(true)

    fake.api.validateScenario.mockResolvedValue({
      ok: false,
      problems: [
        { path: ['steps'], field: 'steps', message: 'must be at least 1' },
        {
          path: ['monteCarlo', 'levels', 1],
          field: 'monteCarlo.levels[1]',
          message: 'must be below 1'
        }
      ]
    })
    scenarios.selected!.draft.steps = 0
    scenarios.selected!.draft.steps = -1
    await vi.advanceTimersByTimeAsync(50)
    expect(scenarios.validating).toBe(true)
    await vi.advanceTimersByTimeAsync(250)
    // Two quick edits, one validation of the last.
    expect(fake.api.validateScenario).toHaveBeenCalledTimes(2)
    expect(fake.api.validateScenario.mock.calls[1][0].scenario.steps).toBe(-1)
    expect(scenarios.valid).toBe(false)
    expect(scenarios.messagesFor(['steps'])).toEqual(['must be at least 1'])
    expect(scenarios.messagesFor(['monteCarlo', 'levels'])).toEqual([])
    expect(scenarios.messagesFor(['monteCarlo', 'levels'], true)).toEqual(['must be below 1'])
  })

  it('opens scenario files and says why one is refused', async () => {
    const scenarios = useScenarioStore()
    expect(scenarios.openText('{ "version": 1,', 'broken.json')).toMatch(
      /^broken\.json: not valid JSON/
    )
    expect(scenarios.openText('[1, 2]', 'list.json')).toBe(
      'list.json: a scenario file holds one JSON object { "version": 1, … }'
    )
    expect(scenarios.openText('{ "version": 1, "name": "Mine" }', 'mine.json')).toBeNull()
    expect(scenarios.selected?.origin).toBe('file mine.json')
    expect(readScenarioText('\uFEFF{"name":"bom"}')).toEqual({ scenario: { name: 'bom' } })
  })

  it('duplicates and removes scenarios, keeping a selection', async () => {
    const scenarios = useScenarioStore()
    await scenarios.loadPresets()
    const first = scenarios.selected!.id
    scenarios.duplicate(first)
    expect(scenarios.selected?.draft.name).toBe('Flash crash (copy)')
    scenarios.selected!.draft.seed = 9
    expect(scenarios.entries[0].draft.seed).toBe(1)
    scenarios.remove(scenarios.selected!.id)
    expect(scenarios.selectedId).toBe(first)
  })

  it('snapshots scenarios and runs as JSON and restores them, typed arrays included', async () => {
    const scenarios = useScenarioStore()
    const timeline = useTimelineStore()
    await scenarios.loadPresets()
    fake.api.runScenario.mockResolvedValue({ status: 'done', result: sampleRun(3) })
    await timeline.run(scenarios.selected!.draft)
    timeline.pin()
    const saved = JSON.parse(JSON.stringify(scenarios.snapshot()))
    expect(saved).toMatchObject({ kind: 'cascade-cockpit/scenarios', version: 1 })

    setActivePinia(createPinia())
    const restoredScenarios = useScenarioStore()
    expect(restoredScenarios.restore(saved)).toBeNull()
    expect(restoredScenarios.selected?.draft.name).toBe('Flash crash')
    const restored = useTimelineStore()
    expect(restored.compare).toHaveLength(1)
    const market = restored.result!.markets[0]
    expect(market.series.price).toBeInstanceOf(Float64Array)
    expect(Array.from(market.series.price)).toEqual([100, 98, 92, 95])
    expect(market.profile.short).toBeInstanceOf(Float32Array)
    expect(restored.point).toBe(2)
    // A new scenario after a restore gets an id of its own.
    restoredScenarios.duplicate(restoredScenarios.selectedId!)
    expect(new Set(restoredScenarios.entries.map((e) => e.id)).size).toBe(2)
  })

  it('refuses a snapshot of another kind or version, saying why', () => {
    const scenarios = useScenarioStore()
    const saved = { ...scenarios.snapshot(), version: 2 }
    expect(scenarios.restore(saved)).toMatch(/^not a scenario snapshot: version: .*version 1/)
    expect(scenarios.restore({ kind: 'book' })).toMatch(/^not a scenario snapshot: kind/)
  })
})

describe('timeline store', () => {
  it('shows a run at its busiest point and explains a refused scenario', async () => {
    const timeline = useTimelineStore()
    fake.api.runScenario.mockResolvedValue({ status: 'done', result: sampleRun() })
    expect(await timeline.run(preset('a', 'A').scenario)).toBe(true)
    expect(timeline.point).toBe(busiestPoint(sampleRun(), 0))
    expect(timeline.point).toBe(2)
    fake.api.runScenario.mockResolvedValue({
      status: 'invalid',
      problems: [{ path: ['steps'], field: 'steps', message: 'must be at least 1' }]
    })
    expect(await timeline.run(preset('a', 'A').scenario)).toBe(false)
    expect(timeline.error).toBe('the scenario has 1 problem: fix them in the editor')
    expect(timeline.result?.runId).toBe(1)
    fake.api.runScenario.mockResolvedValue({ status: 'failed', message: 'no price for DAI' })
    await timeline.run(preset('a', 'A').scenario)
    expect(timeline.error).toBe('no price for DAI')
  })

  it('plays through the points and stops at the last', async () => {
    const timeline = useTimelineStore()
    fake.api.runScenario.mockResolvedValue({ status: 'done', result: sampleRun() })
    await timeline.run(preset('a', 'A').scenario)
    timeline.setPoint(-5)
    expect(timeline.point).toBe(0)
    timeline.play()
    expect(timeline.playing).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(timeline.point).toBe(3)
    expect(timeline.playing).toBe(false)
  })

  it('pins at most four runs to compare', async () => {
    const timeline = useTimelineStore()
    for (let id = 1; id <= MAX_COMPARED + 1; id++) {
      fake.api.runScenario.mockResolvedValue({ status: 'done', result: sampleRun(id) })
      await timeline.run(preset('a', 'A').scenario)
      const refused = timeline.pin()
      expect(refused).toBe(
        id <= MAX_COMPARED ? null : 'up to 4 runs can be compared: unpin one first'
      )
    }
    expect(timeline.compare.map((run) => run.runId)).toEqual([1, 2, 3, 4])
    timeline.unpin(2)
    expect(timeline.pin()).toBeNull()
    expect(timeline.compare.map((run) => run.runId)).toEqual([1, 3, 4, 5])
  })
})

describe('Monte Carlo store', () => {
  it('shows the paths so far while running, then the result', async () => {
    const monteCarlo = useMonteCarloStore()
    let finish: (value: unknown) => void = () => {}
    fake.api.runMonteCarlo.mockReturnValue(new Promise((resolve) => (finish = resolve)))
    const partial = { runId: 7, completedPaths: 40, requestedPaths: 100, markets: [] }
    fake.api.emit('sim:monteCarloPartial', partial as never)
    expect(monteCarlo.shown).toBeNull()
    const running = monteCarlo.run(preset('a', 'A').scenario)
    fake.api.emit('sim:monteCarloPartial', partial as never)
    expect(monteCarlo.live).toBe(true)
    expect(monteCarlo.shown?.completedPaths).toBe(40)
    const done = {
      ...partial,
      completedPaths: 100,
      complete: true,
      scenario: preset('a', 'A').scenario,
      workers: 2,
      elapsedMs: 500
    }
    finish({ status: 'done', result: done })
    await running
    expect(monteCarlo.live).toBe(false)
    expect(monteCarlo.shown).toEqual(done)
    expect(monteCarlo.timings).toEqual([
      { runId: 7, scenario: 'A', workers: 2, paths: 100, elapsedMs: 500, pathsPerSecond: 200 }
    ])
  })

  it('sends the path and worker overrides only when set, and keeps the error of a failed run', async () => {
    const monteCarlo = useMonteCarloStore()
    fake.api.runMonteCarlo.mockResolvedValue({ status: 'failed', message: 'worker stopped' })
    const draft = preset('a', 'A').scenario
    await monteCarlo.run(draft)
    expect(fake.api.runMonteCarlo.mock.calls[0][0]).toEqual({ scenario: draft })
    expect(monteCarlo.error).toBe('worker stopped')
    monteCarlo.paths = 500
    monteCarlo.workers = 2
    await monteCarlo.run(draft)
    expect(fake.api.runMonteCarlo.mock.calls[1][0]).toEqual({
      scenario: draft,
      paths: 500,
      workers: 2
    })
  })
})
