import { join } from 'node:path'
import type { TierRegistry } from '../../engine/margin/tierRegistry'
import type { EventChannel } from '../../shared/channels'
import type { EventPayloads } from '../../shared/contract'
import { loadTierRegistry } from '../marketData/tierFiles'
import { resourcesDir } from '../resourcesDir'
import { loadSampleWorkspace, type SampleWorkspace } from '../sampleWorkspace'
import { BookService } from './bookService'
import { EstimateService } from './estimateService'
import { ImportService } from './importService'
import { openSampleWorkspace } from './openSampleWorkspace'
import { ScenarioService } from './scenarioService'
import { SimulationService } from './simulationService'
import { TaskRunner } from './taskRunner'
import { WorkspaceSnapshotService } from './workspaceSnapshotService'

export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void

export interface PlatformAdapters {
  /** Sends an event to every renderer: windows in Electron, event streams in the harness. */
  emit: EmitEvent
  /** The native open-file dialog, where there is one. */
  pickFile?: () => Promise<string | null>
  /** Where saved mapping presets live (the user data folder); a folder for this run when absent. */
  presetsDir?: string
}

/** Every main-process service, sharing one lifecycle: booted together, disposed together. */
export interface Services {
  sample: SampleWorkspace
  registry: TierRegistry
  books: BookService
  simulation: SimulationService
  scenarios: ScenarioService
  imports: ImportService
  estimates: EstimateService
  tasks: TaskRunner
  workspaces: WorkspaceSnapshotService
  dispose(): Promise<void>
}

/** Boots on the built-in sample workspace, so the first screen a user sees is populated. */
export async function createServices(platform: PlatformAdapters): Promise<Services> {
  const sample = loadSampleWorkspace()
  const registry = loadTierRegistry(join(resourcesDir(), 'tiers'))
  const workspace = await openSampleWorkspace(sample, registry)
  const books = new BookService(workspace, (change) => platform.emit('book:changed', change))
  const tasks = new TaskRunner((state) => platform.emit('app:task', state))
  const imports = new ImportService({
    registry,
    books,
    tasks,
    pickFile: platform.pickFile,
    presetsDir: platform.presetsDir
  })
  const estimates = new EstimateService({ registry, books, tasks, pickFile: platform.pickFile })
  const scenarios = new ScenarioService(books, tasks, (view) =>
    platform.emit('sim:monteCarloPartial', view)
  )
  return {
    sample,
    registry,
    books,
    simulation: new SimulationService(books),
    scenarios,
    imports,
    estimates,
    tasks,
    workspaces: new WorkspaceSnapshotService(books, registry),
    async dispose() {
      tasks.cancelAll()
      await imports.dispose()
      await estimates.dispose()
      await scenarios.dispose()
    }
  }
}
