/**
 * Contract names without schemas: the preload and the test harness's browser shim import this
 * file only, so neither carries zod. contract.ts checks that both lists match its schema map.
 */
export const API_METHODS = {
  appInfo: 'app:info',
  workspace: 'app:workspace',
  cancelTask: 'app:cancelTask',
  bookPage: 'book:page',
  bookLocate: 'book:locate',
  bookSummary: 'book:summary',
  bookEdit: 'book:edit',
  bookAdd: 'book:add',
  bookDelete: 'book:delete',
  bookUndo: 'book:undo',
  bookRedo: 'book:redo',
  openSample: 'book:openSample',
  heatmapBins: 'heatmap:bins',
  runCascade: 'sim:run',
  sweepShocks: 'sim:sweep',
  gainProfile: 'sim:gain',
  scenarioPresets: 'sim:scenarioPresets',
  validateScenario: 'sim:validateScenario',
  runScenario: 'sim:runScenario',
  runMonteCarlo: 'sim:monteCarlo',
  pickImportFile: 'import:pickFile',
  stageImportText: 'import:stage',
  previewImport: 'import:preview',
  startImport: 'import:start',
  rejectedRowsCsv: 'import:rejectedCsv',
  unstageImportFile: 'import:unstage',
  mappingPresets: 'import:presets',
  saveMappingPreset: 'import:savePreset',
  deleteMappingPreset: 'import:deletePreset',
  pickEstimateFile: 'import:estimatePick',
  stageEstimateText: 'import:estimateStage',
  previewEstimate: 'import:estimatePreview',
  startEstimate: 'import:estimateStart',
  workspaceSnapshot: 'app:workspaceSnapshot',
  openWorkspace: 'app:openWorkspace',
  workspaceChanges: 'app:workspaceChanges',
  markWorkspaceSaved: 'app:workspaceSaved',
  checkWorkspace: 'app:checkWorkspace'
} as const

export const EVENT_CHANNELS = ['app:task', 'book:changed', 'sim:monteCarloPartial'] as const

export type ApiMethod = keyof typeof API_METHODS
export type EventChannel = (typeof EVENT_CHANNELS)[number]

export const isEventChannel = (name: string): name is EventChannel =>
  (EVENT_CHANNELS as readonly string[]).includes(name)
