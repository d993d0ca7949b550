import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  AUTO_PRESET,
  MAX_STAGED_TEXT_BYTES,
  type FillValue,
  type MappableField,
  type MergeChoice
} from '../../../shared/importMapping'
import type {
  ImportPreview,
  ImportReport,
  MappingSelection,
  PresetInfo,
  StagedFile
} from '../../../shared/importTypes'
import { assignColumn } from '../../../shared/mappingEdits'
import { api, userMessage } from '../api'
import { saveText } from '../download'

/** One staged file: how the user wants it read, and what main's preview made of that. */
export interface StagedEntry {
  file: StagedFile
  selection: MappingSelection
  preview: ImportPreview | null
}

/** Typing in a value re-previews once the user pauses, not on every key. */
const VALUE_PREVIEW_DELAY_MS = 250

/**
 * The import dialog: staged files, each with its preset, mapping edits and values, previewed by
 * main as they change; the saved presets; how the files join the book; then the report.
 */
export const useImportStore = defineStore('import', () => {
  const files = ref<StagedEntry[]>([])
  const activeId = ref<string | null>(null)
  const presets = shallowRef<PresetInfo[]>([])
  const presetProblems = shallowRef<string[]>([])
  const merge = ref<MergeChoice>('new')
  const report = shallowRef<ImportReport | null>(null)
  const busy = ref(false)
  const error = ref<string | null>(null)
  /** The latest preview request per file: an older answer arriving late is dropped. */
  const requests = new Map<string, number>()
  /** Files whose preset was just changed and whose preview for it has not come back yet. */
  const presetPending = new Set<string>()
  const valueTimers = new Map<string, ReturnType<typeof setTimeout>>()

  const active = computed(
    () => files.value.find((entry) => entry.file.fileId === activeId.value) ?? null
  )
  const ready = computed(
    () =>
      files.value.length > 0 &&
      files.value.every((entry) => entry.preview !== null && entry.preview.problem === null)
  )

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

  const entryOf = (fileId: string): StagedEntry | undefined =>
    files.value.find((entry) => entry.file.fileId === fileId)

  async function refresh(fileId: string): Promise<void> {
    const entry = entryOf(fileId)
    if (!entry) return
    const request = (requests.get(fileId) ?? 0) + 1
    requests.set(fileId, request)
    try {
      const answer = await api.previewImport({ fileId, selection: entry.selection })
      const current = entryOf(fileId)
      if (current && requests.get(fileId) === request) current.preview = answer
    } finally {
      if (requests.get(fileId) === request) presetPending.delete(fileId)
    }
  }

  async function loadPresets(): Promise<void> {
    const listed = await api.mappingPresets()
    presets.value = listed.presets
    presetProblems.value = listed.problems
  }

  async function add(staged: StagedFile): Promise<void> {
    report.value = null
    files.value.push({
      file: staged,
      selection: { preset: AUTO_PRESET, values: [] },
      preview: null
    })
    activeId.value = staged.fileId
    if (presets.value.length === 0) await loadPresets()
    await refresh(staged.fileId)
  }

  /** Electron's open dialog: main keeps the path, the renderer gets an id. */
  async function chooseNative(): Promise<void> {
    await guarded(async () => {
      const { file: picked } = await api.pickImportFile()
      if (picked) await add(picked)
    })
  }

  /** Files from a file input or a drop: browsers hand over contents, so the text goes to main. */
  async function stageBrowserFiles(browserFiles: readonly File[]): Promise<void> {
    await guarded(async () => {
      for (const browserFile of browserFiles) {
        if (browserFile.size > MAX_STAGED_TEXT_BYTES)
          throw new Error(
            `${browserFile.name} is ${(browserFile.size / 2 ** 30).toFixed(1)} GiB, more than the ${MAX_STAGED_TEXT_BYTES / 2 ** 20} MiB a dropped file may be: open it with Import… (Ctrl O) in the app, which reads it from disk, or split it`
          )
        const text = await browserFile.text()
        await add(await api.stageImportText({ name: browserFile.name, text }))
      }
    })
  }

  const stageBrowserFile = (browserFile: File): Promise<void> => stageBrowserFiles([browserFile])

  async function remove(fileId: string): Promise<void> {
    await guarded(async () => {
      await api.unstageImportFile({ fileId })
      files.value = files.value.filter((entry) => entry.file.fileId !== fileId)
      if (activeId.value === fileId) activeId.value = files.value[0]?.file.fileId ?? null
    })
  }

  /** Another preset for the active file: its own mapping, the user's values kept. */
  async function choosePreset(preset: string): Promise<void> {
    const entry = active.value
    if (!entry) return
    entry.selection = { preset, values: entry.selection.values }
    presetPending.add(entry.file.fileId)
    await guarded(() => refresh(entry.file.fileId))
  }

  /** The active file's column `column` feeds `field` (null: kept as an extra column). */
  async function assign(
    column: number,
    field: MappableField | null,
    transform?: string
  ): Promise<void> {
    const entry = active.value
    const shown = entry?.preview
    // The shown mapping is the old preset's until the new one's preview arrives: an edit on it
    // would quietly bring the old preset back.
    if (!entry || !shown?.mapping || presetPending.has(entry.file.fileId)) return
    const base = entry.selection.mapping ?? shown.mapping
    entry.selection = {
      preset: shown.preset,
      mapping: assignColumn(base, shown.header, column, field, transform),
      values: entry.selection.values
    }
    await guarded(() => refresh(entry.file.fileId))
  }

  /** Back to the preset's own mapping, the user's values kept. */
  async function resetMapping(): Promise<void> {
    const entry = active.value
    if (!entry) return
    entry.selection = { preset: entry.selection.preset, values: entry.selection.values }
    await guarded(() => refresh(entry.file.fileId))
  }

  /** A value the file lacks, for every row and/or per account or symbol; empty removes it. */
  function setValue(value: FillValue): void {
    const entry = active.value
    if (!entry) return
    const others = entry.selection.values.filter((given) => given.field !== value.field)
    entry.selection = { ...entry.selection, values: [...others, value] }
    const fileId = entry.file.fileId
    clearTimeout(valueTimers.get(fileId))
    valueTimers.set(
      fileId,
      setTimeout(() => void guarded(() => refresh(fileId)), VALUE_PREVIEW_DELAY_MS)
    )
  }

  async function savePreset(label: string): Promise<void> {
    const entry = active.value
    if (!entry) return
    await guarded(async () => {
      const saved = await api.saveMappingPreset({
        label,
        fileId: entry.file.fileId,
        selection: entry.selection
      })
      await loadPresets()
      // The preset holds the mapping and the values now: read the file by it, as next time.
      entry.selection = { preset: saved.name, values: [] }
      await refresh(entry.file.fileId)
    })
  }

  async function deletePreset(name: string): Promise<void> {
    await guarded(async () => {
      await api.deleteMappingPreset({ name })
      await loadPresets()
      for (const entry of files.value)
        if (entry.selection.preset === name) {
          entry.selection = { preset: AUTO_PRESET, values: entry.selection.values }
          await refresh(entry.file.fileId)
        }
    })
  }

  /** What start sends for a file: `auto` as the preset it resolved to, so no file is detected twice differently. */
  const settled = (entry: StagedEntry): MappingSelection =>
    entry.selection.preset === AUTO_PRESET && entry.preview
      ? { ...entry.selection, preset: entry.preview.preset }
      : entry.selection

  async function start(): Promise<void> {
    if (files.value.length === 0) return
    await guarded(async () => {
      const staged = files.value.map((entry) => ({
        fileId: entry.file.fileId,
        selection: settled(entry)
      }))
      report.value = await api.startImport({ files: staged, merge: merge.value })
      if (report.value.status === 'imported') {
        for (const { fileId } of staged) await api.unstageImportFile({ fileId })
        files.value = []
        activeId.value = null
      }
    })
  }

  async function exportRejected(): Promise<void> {
    await guarded(async () => {
      const { csv, fileName } = await api.rejectedRowsCsv()
      saveText(csv, fileName)
    })
  }

  return {
    files,
    activeId,
    active,
    ready,
    presets,
    presetProblems,
    merge,
    report,
    busy,
    error,
    loadPresets,
    chooseNative,
    stageBrowserFile,
    stageBrowserFiles,
    remove,
    choosePreset,
    assign,
    resetMapping,
    setValue,
    savePreset,
    deletePreset,
    start,
    exportRejected
  }
})
