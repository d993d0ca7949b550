import { toRaw } from 'vue'
import { useAppStore, VIEWS, type ViewName } from '../stores/appStore'
import { useCascadeStore } from '../stores/cascadeStore'
import { useHeatmapStore } from '../stores/heatmapStore'
import { useScenarioStore } from '../stores/scenarioStore'
import type { WorkspacePart } from './parts'
import { RUN_RESULTS_PART, type RunResults } from './runResults'

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
      const saved = value as Partial<RunResults>
      if (typeof saved?.underlying !== 'string' || typeof saved.shock !== 'number')
        return 'no run inputs in the saved data'
      cascade.underlying = saved.underlying
      cascade.setShock(saved.shock)
      if (typeof saved.criticalMove === 'number') cascade.criticalMove = saved.criticalMove
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
    // The saved heatmap of the saved book: what main will bin again once the book is in.
    preview(value) {
      const saved = value as Partial<RunResults>
      if (!saved?.heatmap) return
      heatmap.settings.underlying = saved.heatmap.underlying
      heatmap.bins = saved.heatmap
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
      const saved = value as { view?: string; heatmap?: { binCount?: number; span?: number } }
      // The workspaces views themselves are where one opens a workspace from: stay there.
      const known = VIEWS.some((entry) => entry.name === saved?.view)
      if (known && app.view !== 'workspaces') app.view = saved.view as ViewName
      if (typeof saved?.heatmap?.binCount === 'number')
        heatmap.settings.binCount = saved.heatmap.binCount
      if (typeof saved?.heatmap?.span === 'number') heatmap.settings.span = saved.heatmap.span
      return null
    },
    // Moving between views is saved with the next change, not a change of its own.
    track: () => [heatmap.settings.binCount, heatmap.settings.span]
  }
}

/** The scenario editor's scenarios and their last runs, as the scenario store snapshots them. */
function scenariosPart(): WorkspacePart {
  const scenarios = useScenarioStore()
  return {
    key: 'scenarios',
    version: 1,
    capture: () => plain(scenarios.snapshot()),
    restore: (value) => scenarios.restore(value),
    track: () => JSON.stringify(scenarios.entries)
  }
}

export const appWorkspaceParts = (): WorkspacePart[] => [
  runResultsPart(),
  viewPart(),
  scenariosPart()
]
