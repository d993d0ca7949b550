import { z } from 'zod'
import { bookDeleteSchema, bookEditSchema } from './bookEdit'
import type { BookDeleteResult, BookEditResult, HistoryState, HistoryStep } from './bookEdit'
import { bookLocateSchema, bookPageSchema } from './bookQuery'
import type { BookRow } from './bookRow'
import type { BookSummary } from './bookSummary'
import { API_METHODS, type ApiMethod, type EventChannel } from './channels'
import { heatmapRequestSchema, type HeatmapBins } from './heatmapTypes'
import { estimatePickSchema, estimateRequestSchema, estimateStageSchema } from './estimateTypes'
import type { EstimateFile, EstimatePreview, EstimateStartResult } from './estimateTypes'
import { stagedFileSchema, stageTextSchema } from './importTypes'
import type { ImportPreview, ImportReport, RejectedRowsCsv, StagedFile } from './importTypes'
import { importPreviewRequestSchema, importStartRequestSchema } from './importTypes'
import { presetNameSchema, savePresetRequestSchema, type PresetInfo } from './importTypes'
import { cascadeRequestSchema, gainRequestSchema, sweepRequestSchema } from './simulationTypes'
import type { CascadeResult, GainResult, SweepResult } from './simulationTypes'
import type { MonteCarloView } from './monteCarloTypes'
import { monteCarloRequestSchema, scenarioRequestSchema } from './scenarioRequests'
import type {
  ScenarioOutcome,
  ScenarioPreset,
  ScenarioRun,
  ScenarioValidation
} from './scenarioRunTypes'
import { cancelTaskSchema, openSampleSchema, type TaskOutcome, type TaskState } from './taskTypes'
import type { WorkspaceInfo } from './workspaceInfo'
import { workspaceLoadSchema, workspaceMarkSavedSchema } from './workspaceSnapshot'
import { workspaceCheckSchema } from './workspaceSnapshot'
import type { WorkspaceChanges, WorkspaceSnapshot } from './workspaceSnapshot'

/**
 * The one contract between renderer and main. Every invoke call names its request schema
 * (validated in main on entry, because types vanish at run time) and its response type.
 */
export const invokeRequestSchemas = {
  'app:info': z.undefined(),
  'app:workspace': z.undefined(),
  'app:cancelTask': cancelTaskSchema,
  'book:page': bookPageSchema,
  'book:locate': bookLocateSchema,
  'book:summary': z.undefined(),
  'book:edit': bookEditSchema,
  'book:add': z.undefined(),
  'book:delete': bookDeleteSchema,
  'book:undo': z.undefined(),
  'book:redo': z.undefined(),
  'book:openSample': openSampleSchema,
  'heatmap:bins': heatmapRequestSchema,
  'sim:run': cascadeRequestSchema,
  'sim:sweep': sweepRequestSchema,
  'sim:gain': gainRequestSchema,
  'sim:scenarioPresets': z.undefined(),
  'sim:validateScenario': scenarioRequestSchema,
  'sim:runScenario': scenarioRequestSchema,
  'sim:monteCarlo': monteCarloRequestSchema,
  'import:pickFile': z.undefined(),
  'import:stage': stageTextSchema,
  'import:preview': importPreviewRequestSchema,
  'import:start': importStartRequestSchema,
  'import:rejectedCsv': z.undefined(),
  'import:unstage': stagedFileSchema,
  'import:presets': z.undefined(),
  'import:savePreset': savePresetRequestSchema,
  'import:deletePreset': presetNameSchema,
  'import:estimatePick': estimatePickSchema,
  'import:estimateStage': estimateStageSchema,
  'import:estimatePreview': estimateRequestSchema,
  'import:estimateStart': estimateRequestSchema,
  'app:workspaceSnapshot': z.undefined(),
  'app:openWorkspace': workspaceLoadSchema,
  'app:workspaceChanges': z.undefined(),
  'app:workspaceSaved': workspaceMarkSavedSchema,
  'app:checkWorkspace': workspaceCheckSchema
} as const

export interface AppInfo {
  name: string
  version: string
  engineVersion: string
  /** Electron shows a native open dialog; the browser harness uses a file input instead. */
  nativeFileDialog: boolean
}

export interface BookPage {
  rows: BookRow[]
  /** Rows matching the query. */
  total: number
  version: number
}

export interface InvokeResponses {
  'app:info': AppInfo
  'app:workspace': WorkspaceInfo
  'app:cancelTask': { cancelled: boolean }
  'book:page': BookPage
  'book:locate': { index: number | null }
  'book:summary': BookSummary
  'book:edit': BookEditResult
  'book:add': { row: BookRow }
  'book:delete': BookDeleteResult
  'book:undo': HistoryStep
  'book:redo': HistoryStep
  'book:openSample': TaskOutcome
  'heatmap:bins': HeatmapBins
  'sim:run': CascadeResult
  'sim:sweep': SweepResult
  'sim:gain': GainResult
  'sim:scenarioPresets': { presets: ScenarioPreset[] }
  'sim:validateScenario': ScenarioValidation
  'sim:runScenario': ScenarioOutcome<ScenarioRun>
  'sim:monteCarlo': ScenarioOutcome<MonteCarloView>
  'import:pickFile': { file: StagedFile | null }
  'import:stage': StagedFile
  'import:preview': ImportPreview
  'import:start': ImportReport
  'import:rejectedCsv': RejectedRowsCsv
  'import:unstage': { removed: boolean }
  'import:presets': { presets: PresetInfo[]; problems: string[] }
  'import:savePreset': PresetInfo
  'import:deletePreset': { deleted: string }
  'import:estimatePick': { file: EstimateFile | null }
  'import:estimateStage': EstimateFile
  'import:estimatePreview': EstimatePreview
  'import:estimateStart': EstimateStartResult
  'app:workspaceSnapshot': WorkspaceSnapshot
  'app:openWorkspace': { version: number }
  'app:workspaceChanges': WorkspaceChanges
  'app:workspaceSaved': { saved: boolean }
  /** Why main would refuse to open the workspace, or null. */
  'app:checkWorkspace': { problem: string | null }
}

export interface BookChange {
  version: number
  positions: number
  workspaceName: string
  /** `import` makes a new book of the files; `merge` adds them to (or replaces venues of) this one. */
  reason: 'open' | 'import' | 'merge' | 'edit' | 'add' | 'delete' | 'undo' | 'redo'
  history: HistoryState
}

export interface EventPayloads {
  'app:task': TaskState
  'book:changed': BookChange
  /** A running Monte Carlo's paths so far, summarised about once a second. */
  'sim:monteCarloPartial': MonteCarloView
}

export type InvokeChannel = keyof typeof invokeRequestSchemas
/** What a handler receives: the request after validation (defaults applied). */
export type InvokeRequest<C extends InvokeChannel> = z.output<(typeof invokeRequestSchemas)[C]>
/** What a caller sends. */
export type InvokeArgument<C extends InvokeChannel> = z.input<(typeof invokeRequestSchemas)[C]>
export type InvokeResponse<C extends InvokeChannel> = InvokeResponses[C]

type ChannelOf<M extends ApiMethod> = (typeof API_METHODS)[M]

type Call<C extends InvokeChannel> =
  undefined extends InvokeArgument<C>
    ? (request?: InvokeArgument<C>) => Promise<InvokeResponse<C>>
    : (request: InvokeArgument<C>) => Promise<InvokeResponse<C>>

export type EventListener<E extends EventChannel> = (payload: EventPayloads[E]) => void

/**
 * What the preload exposes as `window.cockpit`: one named function per invoke call, and one
 * subscription to main's events that returns its own unsubscribe.
 */
export type CockpitApi = { [M in ApiMethod]: Call<ChannelOf<M>> } & {
  on<E extends EventChannel>(event: E, listener: EventListener<E>): () => void
}

// The name lists in channels.ts and the schema map must cover the same channels, both ways:
// a channel added on one side only fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type ChannelListsMatch = Assert<Same<ChannelOf<ApiMethod>, InvokeChannel>>
export type EventListsMatch = Assert<Same<EventChannel, keyof EventPayloads>>
