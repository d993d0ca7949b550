// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import type { MonteCarloView } from '../../src/shared/monteCarloTypes'
import { WorkspaceParts, type WorkspacePart } from '../../src/renderer/src/workspaces/parts'

vi.mock('../../src/renderer/src/api', async () => {
  const { createFakeApi } = await import('./fakeApi')
  return { api: createFakeApi(), userMessage: (error: unknown) => (error as Error).message }
})

const { appWorkspaceParts } = await import('../../src/renderer/src/workspaces/appParts')
const { useCascadeStore } = await import('../../src/renderer/src/stores/cascadeStore')
const { useHeatmapStore } = await import('../../src/renderer/src/stores/heatmapStore')
const { useMonteCarloStore } = await import('../../src/renderer/src/stores/monteCarloStore')

function part(key: string, version: number, state: { value: unknown }): WorkspacePart {
  return {
    key,
    version,
    capture: () => state.value,
    restore: (value, from) => {
      if (from < version && typeof value !== 'object') return `cannot read version ${from}`
      state.value = value
      return null
    },
    track: () => state.value
  }
}

describe('workspace parts', () => {
  it('captures every part with its version and puts each back', () => {
    const scenarios = { value: { scenarios: ['flash-crash'] } }
    const view = { value: 'book' }
    const parts = new WorkspaceParts()
    parts.register(part('scenarios', 2, scenarios))
    parts.register(part('view', 1, view))
    const stored = parts.capture()
    expect(stored).toEqual({
      scenarios: { version: 2, value: { scenarios: ['flash-crash'] } },
      view: { version: 1, value: 'book' }
    })
    scenarios.value = { scenarios: [] }
    view.value = 'cockpit'
    expect(parts.restore(stored)).toEqual([])
    expect(scenarios.value).toEqual({ scenarios: ['flash-crash'] })
    expect(view.value).toBe('book')
  })

  it('says which parts it could not restore, and leaves unknown ones alone', () => {
    const scenarios = { value: null as unknown }
    const parts = new WorkspaceParts()
    parts.register(part('scenarios', 2, scenarios))
    expect(
      parts.restore({
        scenarios: { version: 1, value: 'old text format' },
        monteCarlo: { version: 1, value: {} }
      })
    ).toEqual(['scenarios: cannot read version 1'])
    expect(parts.restore({ scenarios: { version: 3, value: {} } })).toEqual([
      'scenarios: saved by a newer version of the app (3)'
    ])
    expect(scenarios.value).toBeNull()
    expect(() => parts.register(part('scenarios', 1, scenarios))).toThrow(
      'workspace part scenarios registered twice'
    )
  })
})

describe("the app's workspace parts", () => {
  function appParts() {
    setActivePinia(createPinia())
    const parts = new WorkspaceParts()
    for (const entry of appWorkspaceParts()) parts.register(entry)
    return parts
  }

  const distribution = (mean: number, max: number) => ({
    count: 3,
    mean,
    min: 0,
    max,
    percentiles: [{ p: 50, value: mean }],
    tail: [{ level: 0.99, valueAtRisk: max, expectedShortfall: max }],
    histogram: { edges: [0, 1], counts: [3] }
  })
  const monteCarloView = {
    runId: 7,
    bookVersion: 2,
    scenario: { name: 'flash crash', seed: 42 },
    requestedPaths: 3,
    completedPaths: 3,
    complete: true,
    workers: 2,
    elapsedMs: 12,
    steps: 10,
    stepSeconds: 60,
    stride: 1,
    levels: [0.99],
    percentiles: [50],
    metrics: { badDebt: distribution(NaN, Infinity) },
    markets: [
      {
        underlying: 'BTC',
        startPrice: 61_800,
        metrics: { badDebt: distribution(-0, -Infinity) },
        fan: { percentiles: [50], values: [[61_800, NaN]] },
        zones: []
      }
    ]
  }

  it('keeps NaN and ±Infinity of the Monte Carlo result through a JSON round trip', () => {
    const parts = appParts()
    useMonteCarloStore().result = structuredClone(monteCarloView) as unknown as MonteCarloView
    const stored = JSON.parse(JSON.stringify(parts.capture()))
    useMonteCarloStore().result = null
    expect(parts.restore(stored)).toEqual([])
    expect(useMonteCarloStore().result).toEqual(monteCarloView)
    expect(Object.is(useMonteCarloStore().result!.markets[0].metrics.badDebt.mean, -0)).toBe(true)
  })

  it('reads a Monte Carlo result saved with plain JSON nulls as NaN', () => {
    const parts = appParts()
    const stored = parts.capture()
    const old = JSON.parse(JSON.stringify(monteCarloView))
    expect(old.metrics.badDebt.mean).toBeNull()
    ;(stored.scenarios.value as { monteCarlo: unknown }).monteCarlo = old
    expect(parts.restore(stored)).toEqual([])
    expect(useMonteCarloStore().result!.metrics.badDebt.mean).toBeNaN()
  })

  it('skips, with a notice, a part that is not what it claims, and leaves its store alone', () => {
    const parts = appParts()
    const cascade = useCascadeStore()
    const before = { kind: cascade.kind, shock: cascade.shock }
    const stored = parts.capture()
    stored.runResults.value = {
      ...(stored.runResults.value as object),
      shock: -0.2,
      impact: { kind: 'teleport', depthPerPercent: 1 }
    }
    stored.view.value = { view: 'book', heatmap: { binCount: 1e9, span: 0.1 } }
    ;(stored.scenarios.value as { monteCarlo: unknown }).monteCarlo = {
      ...monteCarloView,
      markets: 'BTC'
    }
    const problems = parts.restore(stored)
    expect(problems).toHaveLength(3)
    expect(problems[0]).toMatch(/^runResults: not a saved run: impact\.kind/)
    expect(problems[1]).toMatch(/^view: not saved view settings: heatmap\.binCount/)
    expect(problems[2]).toMatch(
      /^scenarios: the Monte Carlo result was left out: not a Monte Carlo result: markets/
    )
    expect({ kind: cascade.kind, shock: cascade.shock }).toEqual(before)
    expect(useHeatmapStore().settings.binCount).not.toBe(1e9)
    expect(useMonteCarloStore().result).toBeNull()
  })

  it('does not show saved heatmap bins that do not hang together', () => {
    const parts = appParts()
    const stored = parts.capture()
    const bins = {
      underlying: 'BTC',
      version: 1,
      markPrice: 61_800,
      edges: Float64Array.of(1, 2, 3),
      long: Float64Array.of(1, 2, 3, 4),
      short: Float64Array.of(1, 2),
      longCount: Uint32Array.of(1, 2),
      shortCount: Uint32Array.of(1, 2),
      below: { notional: 0, count: 0 },
      above: { notional: 0, count: 0 },
      breakdown: 'side',
      groups: [],
      elapsedMs: 1
    }
    stored.runResults.value = { ...(stored.runResults.value as object), heatmap: bins }
    parts.preview(stored)
    expect(useHeatmapStore().bins).toBeNull()
    expect(parts.restore(stored)[0]).toMatch(/^runResults: not a saved run: heatmap\.edges/)
    parts.preview({
      ...stored,
      runResults: {
        version: 1,
        value: { ...(stored.runResults.value as object), heatmap: { ...bins, long: bins.short } }
      }
    })
    expect(useHeatmapStore().bins?.underlying).toBe('BTC')
  })
})
