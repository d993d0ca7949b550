import { toRaw } from 'vue'
import { useAppStore, VIEWS } from '../stores/appStore'
import { useCascadeStore } from '../stores/cascadeStore'
import type { HeatmapBins } from '../../../shared/heatmapTypes'
import { useHeatmapStore } from '../stores/heatmapStore'
import { useMonteCarloStore } from '../stores/monteCarloStore'
import { useScenarioStore } from '../stores/scenarioStore'
import type { WorkspacePart } from './parts'
import { problemOf, runResultsSchema, viewPartSchema } from './partSchemas'
import { RUN_RESULTS_PART, type RunResults } from './runResults'
import { toTaggedJson } from './taggedNumbers'

/** Plain data out of a store's reactive state: what IndexedDB and the export file can hold. */
const plain = <T>(value: T): T => structuredClone(toRaw(value))

/** The cockpit's last run (inputs, result, amplification curve, heatmap bins). */
function runResultsPart(): WorkspacePart {
  const cascade = useCascadeStore()
  const heatmap = useHeatmapStore()
  return {
    key: RUN_RESULTS_PART,
    version: 1,
    capture: (): RunResults => ({
      underlying: cascade.underlying,
      shock: cascade.shock,
      impact: plain(cascade.choice),
      criticalMove: cascade.criticalMove,
      result: plain(cascade.result),
      sweep: plain(cascade.sweep),
      heatmap: plain(heatmap.bins)
    }),
    restore(value) {
      const parsed = runResultsSchema.safeParse(value)
      if (!parsed.success) return `not a saved run: ${problemOf(parsed.error)}`
      const saved = parsed.data
      cascade.underlying = saved.underlying
      cascade.setShock(saved.shock)
      if (saved.criticalMove !== undefined) cascade.criticalMove = saved.criticalMove
      const impact = saved.impact
      if (impact) {
        cascade.kind = impact.kind
        if (impact.kind === 'linear') cascade.params.linear.depthPerPercent = impact.depthPerPercent
        if (impact.kind === 'sqrt') {
          const { dailyVolume, dailyVolatility, coefficient } = impact
          Object.assign(cascade.params.sqrt, { dailyVolume, dailyVolatility, coefficient })
        }
        if (impact.kind === 'amm') cascade.params.amm.baseReserve = impact.baseReserve
      }
      heatmap.show(saved.underlying)
      return null
    },
    // The saved heatmap of the saved book: what main will bin again once the book is in. Bins
    // that do not hang together are not shown; restoring the part says why.
    preview(value) {
      const parsed = runResultsSchema.safeParse(value)
      const bins = parsed.success ? parsed.data.heatmap : null
      if (!bins) return
      heatmap.settings.underlying = bins.underlying
      heatmap.bins = bins as HeatmapBins
    },
    // What the user asked; the results follow from it and from the book, saved with either.
    track: () =>
      JSON.stringify([cascade.underlying, cascade.shock, cascade.choice, cascade.criticalMove])
  }
}

/** Where the user was: the view on screen and the heatmap's range and resolution. */
function viewPart(): WorkspacePart {
  const app = useAppStore()
  const heatmap = useHeatmapStore()
  return {
    key: 'view',
    version: 1,
    capture: () => ({
      view: app.view,
      heatmap: { binCount: heatmap.settings.binCount, span: heatmap.settings.span }
    }),
    restore(value) {
      const parsed = viewPartSchema.safeParse(value)
      if (!parsed.success) return `not saved view settings: ${problemOf(parsed.error)}`
      const saved = parsed.data
      // The workspaces views themselves are where one opens a workspace from: stay there.
      const known = VIEWS.find((entry) => entry.name === saved.view)
      if (known && app.view !== 'workspaces') app.view = known.name
      if (saved.heatmap?.binCount !== undefined) heatmap.settings.binCount = saved.heatmap.binCount
      if (saved.heatmap?.span !== undefined) heatmap.settings.span = saved.heatmap.span
      return null
    },
    // Moving between views is saved with the next change, not a change of its own.
    track: () => [heatmap.settings.binCount, heatmap.settings.span]
  }
}

/**
 * The scenario editor's scenarios and their last runs, as the scenario store snapshots them. The
 * Monte Carlo result goes in with its NaN and ±Infinity kept as tags (plain JSON makes them null)
 * and comes back checked on its own: a bad one is left out, the scenarios still come back.
 */
function scenariosPart(): WorkspacePart {
  const scenarios = useScenarioStore()
  const monteCarlo = useMonteCarloStore()
  return {
    key: 'scenarios',
    version: 1,
    capture: () => ({
      ...plain(scenarios.snapshot()),
      monteCarlo: toTaggedJson(toRaw(monteCarlo.result))
    }),
    restore(value) {
      if (typeof value !== 'object' || value === null) return scenarios.restore(value)
      const { monteCarlo: savedResult, ...rest } = value as { monteCarlo?: unknown }
      const problem = scenarios.restore({ ...rest, monteCarlo: null })
      if (problem) return problem
      const left = monteCarlo.restoreResult(savedResult ?? null)
      return left && `the Monte Carlo result was left out: ${left}`
    },
    track: () => JSON.stringify(scenarios.entries)
  }
}

export const appWorkspaceParts = (): WorkspacePart[] => [
  runResultsPart(),
  viewPart(),
  scenariosPart()
]
