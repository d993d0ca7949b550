import { ENGINE_VERSION } from '../engine/version'
import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../shared/contract'
import { heatmapBins } from './services/heatmapService'
import { openSampleWorkspace } from './services/openSampleWorkspace'
import type { Services } from './services/services'

export type Handler<C extends InvokeChannel> = (
  request: InvokeRequest<C>
) => Promise<InvokeResponse<C>>
export type HandlerTable = { [C in InvokeChannel]: Handler<C> }

/** Plain functions, so the same table serves Electron's ipcMain and the test harness. */
export function createHandlers(services: Services, appVersion: string): HandlerTable {
  const { books, simulation, imports, tasks, sample, registry } = services
  const { workspaces, estimates } = services
  return {
    'app:info': async () => ({
      name: 'Cascade Cockpit',
      version: appVersion,
      engineVersion: ENGINE_VERSION,
      nativeFileDialog: imports.canPick
    }),
    'app:workspace': async () => books.info(),
    'app:cancelTask': async ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
    'book:page': async (request) => books.page(request),
    'book:locate': async ({ query, id }) => ({ index: books.locate(query, id) }),
    'book:summary': async () => books.summary(),
    'book:edit': async (request) => books.edit(request),
    'book:add': async () => books.add(),
    'book:delete': async ({ ids }) => books.delete(ids),
    'book:undo': async () => books.undo(),
    'book:redo': async () => books.redo(),
    'book:openSample': async ({ rows }) => {
      const label = `Open sample book (${rows.toLocaleString('en-US')} positions)`
      const result = await tasks.run('sample', label, async ({ signal, report }) =>
        books.replace(
          await openSampleWorkspace(sample, registry, { rows, signal, onProgress: report }),
          'open'
        )
      )
      return result.status === 'done' ? { status: 'done' } : result
    },
    'heatmap:bins': async (request) => heatmapBins(books, request),
    'sim:run': async (request) => simulation.run(request),
    'sim:sweep': async (request) => simulation.sweep(request),
    'sim:gain': async (request) => simulation.gain(request),
    'sim:scenarioPresets': async () => ({ presets: services.scenarios.presets() }),
    'sim:validateScenario': async ({ scenario }) => services.scenarios.validate(scenario),
    'sim:runScenario': async ({ scenario }) => services.scenarios.run(scenario),
    'sim:monteCarlo': async (request) => services.scenarios.monteCarlo(request),
    'import:pickFile': async () => imports.pick(),
    'import:stage': async ({ name, text }) => imports.stageText(name, text),
    'import:preview': async ({ fileId, selection }) => imports.preview(fileId, selection),
    'import:start': async ({ files, merge }) => imports.start(files, merge),
    'import:rejectedCsv': async () => imports.rejectedCsv(),
    'import:unstage': async ({ fileId }) => imports.unstage(fileId),
    'import:presets': async () => imports.presets(),
    'import:savePreset': async ({ label, fileId, selection }) =>
      imports.savePreset(label, fileId, selection),
    'import:deletePreset': async ({ name }) => {
      await imports.deletePreset(name)
      return { deleted: name }
    },
    'import:estimatePick': async ({ role }) => estimates.pick(role),
    'import:estimateStage': async ({ role, name, text }) => estimates.stageText(role, name, text),
    'import:estimatePreview': async (request) => estimates.preview(request),
    'import:estimateStart': async (request) => estimates.start(request),
    'app:workspaceSnapshot': async () => workspaces.snapshot(),
    'app:openWorkspace': async (request) => workspaces.load(request),
    'app:workspaceChanges': async () => workspaces.changes(),
    'app:workspaceSaved': async ({ version }) => workspaces.markSaved(version),
    'app:checkWorkspace': async ({ snapshot }) => workspaces.check(snapshot)
  }
}
