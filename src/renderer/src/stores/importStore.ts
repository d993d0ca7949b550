import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ImportPreview, ImportReport, StagedFile } from '../../../shared/importTypes'
import { api, userMessage } from '../api'
import { saveText } from '../download'

/** One import at a time: a staged file, its mapping preview, then the report. */
export const useImportStore = defineStore('import', () => {
  const file = ref<StagedFile | null>(null)
  const preview = shallowRef<ImportPreview | null>(null)
  const report = shallowRef<ImportReport | null>(null)
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function guarded(work: () => Promise<void>): Promise<void> {
    busy.value = true
    error.value = null
    try {
      await work()
    } catch (cause) {
      error.value = userMessage(cause)
    } finally {
      busy.value = false
    }
  }

  async function showPreview(staged: StagedFile): Promise<void> {
    file.value = staged
    report.value = null
    preview.value = await api.previewImport({ fileId: staged.fileId })
  }

  /** Electron's open dialog: main keeps the path, the renderer gets an id. */
  async function chooseNative(): Promise<void> {
    await guarded(async () => {
      const { file: picked } = await api.pickImportFile()
      if (picked) await showPreview(picked)
    })
  }

  /** A file from a file input or a drop: browsers hand over contents, so the text goes to main. */
  async function stageBrowserFile(browserFile: File): Promise<void> {
    await guarded(async () => {
      const text = await browserFile.text()
      await showPreview(await api.stageImportText({ name: browserFile.name, text }))
    })
  }

  async function start(): Promise<void> {
    const staged = file.value
    if (!staged) return
    await guarded(async () => {
      report.value = await api.startImport({ fileId: staged.fileId })
    })
  }

  async function exportRejected(): Promise<void> {
    await guarded(async () => {
      const { csv, fileName } = await api.rejectedRowsCsv()
      saveText(csv, fileName)
    })
  }

  function reset(): void {
    file.value = null
    preview.value = null
    report.value = null
    error.value = null
  }

  return {
    file,
    preview,
    report,
    busy,
    error,
    chooseNative,
    stageBrowserFile,
    start,
    exportRejected,
    reset
  }
})
