import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { fieldName, type ScenarioProblem } from '../../../shared/scenarioProblem'
import type { ScenarioPreset } from '../../../shared/scenarioRunTypes'
import type { ScenarioInput } from '../../../shared/scenarioSchema'
import {
  SCENARIO_SNAPSHOT_KIND,
  SCENARIO_SNAPSHOT_VERSION,
  scenarioSnapshotSchema,
  type ScenarioSnapshot
} from '../../../shared/scenarioSnapshot'
import { api, userMessage } from '../api'
import { useMonteCarloStore } from './monteCarloStore'
import { useTimelineStore } from './timelineStore'

/** A scenario in the editor: as written (possibly mid-edit and invalid), and where it came from. */
export interface ScenarioEntry {
  id: string
  /** `preset flash-crash`, `file my.json`, `copy of …`, `new`. */
  origin: string
  draft: ScenarioInput
}

/** Validation waits for typing to pause this long. */
const VALIDATE_DELAY_MS = 200

/** The scenario as plain JSON: what IPC, files and snapshots carry (never a reactive proxy). */
export const plainScenario = (draft: ScenarioInput): ScenarioInput =>
  JSON.parse(JSON.stringify(draft)) as ScenarioInput

/** Why a JSON text is not a scenario file, or the scenario object it holds. */
export function readScenarioText(text: string): { scenario: ScenarioInput } | { error: string } {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (cause) {
    return { error: `not valid JSON: ${(cause as Error).message}` }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { error: 'a scenario file holds one JSON object { "version": 1, … }' }
  return { scenario: json as ScenarioInput }
}

/**
 * The scenarios being edited, the presets to start from, and each edit's validation by main
 * (the engine's parser: every problem with its field, shown beside that field). `snapshot()`
 * and `restore()` hand the whole scenario screens' state to a workspace as versioned JSON.
 */
export const useScenarioStore = defineStore('scenario', () => {
  const presets = shallowRef<ScenarioPreset[]>([])
  const entries = ref<ScenarioEntry[]>([])
  const selectedId = ref<string | null>(null)
  const problems = ref<ScenarioProblem[]>([])
  /** The validated draft's JSON: problems describe this, not a later edit. */
  const validatedJson = ref<string | null>(null)
  const error = ref<string | null>(null)
  let nextId = 1
  let validation = 0

  const selected = computed(
    () => entries.value.find((entry) => entry.id === selectedId.value) ?? null
  )
  const selectedJson = computed(() =>
    selected.value ? JSON.stringify(selected.value.draft) : null
  )
  const validating = computed(() => selectedJson.value !== validatedJson.value)
  const valid = computed(() => !validating.value && problems.value.length === 0)

  /** Messages by field name (`markets[0].path[1].move`), for the form to show beside each field. */
  const problemsByField = computed(() => {
    const byField = new Map<string, string[]>()
    for (const problem of problems.value) {
      const list = byField.get(problem.field) ?? []
      list.push(problem.message)
      byField.set(problem.field, list)
    }
    return byField
  })

  /** The messages for one field; with `items`, also for its list items (`levels[0]`). */
  function messagesFor(path: readonly (string | number)[], items = false): string[] {
    const name = fieldName(path)
    if (!items) return problemsByField.value.get(name) ?? []
    return problems.value
      .filter((problem) => problem.field === name || problem.field.startsWith(`${name}[`))
      .map((problem) => problem.message)
  }

  async function loadPresets(): Promise<void> {
    try {
      presets.value = (await api.scenarioPresets()).presets
      error.value = null
      // A first visit opens on the flash crash: the preset most people start from.
      const first = presets.value.find((p) => p.id === 'flash-crash') ?? presets.value[0]
      if (entries.value.length === 0 && first) addFromPreset(first.id)
    } catch (cause) {
      error.value = userMessage(cause)
    }
  }

  function add(origin: string, draft: ScenarioInput): ScenarioEntry {
    const entry: ScenarioEntry = { id: `s${nextId++}`, origin, draft: plainScenario(draft) }
    entries.value.push(entry)
    selectedId.value = entry.id
    return entry
  }

  function addFromPreset(id: string): void {
    const preset = presets.value.find((candidate) => candidate.id === id)
    if (preset) add(`preset ${id}`, preset.scenario)
  }

  function addBlank(draft: ScenarioInput): void {
    add('new', draft)
  }

  function duplicate(id: string): void {
    const entry = entries.value.find((candidate) => candidate.id === id)
    if (entry)
      add(`copy of ${entry.draft.name}`, {
        ...plainScenario(entry.draft),
        name: `${entry.draft.name} (copy)`
      })
  }

  function remove(id: string): void {
    const at = entries.value.findIndex((entry) => entry.id === id)
    if (at < 0) return
    entries.value.splice(at, 1)
    if (selectedId.value === id)
      selectedId.value = entries.value[Math.min(at, entries.value.length - 1)]?.id ?? null
  }

  /** A scenario file's text becomes a new entry; a file that is not one is refused with why. */
  function openText(text: string, fileName: string): string | null {
    const read = readScenarioText(text)
    if ('error' in read) return `${fileName}: ${read.error}`
    add(`file ${fileName}`, read.scenario)
    return null
  }

  /**
   * The container at `path` in the selected draft, created (an object, or a list before a
   * number) where the draft leaves it out: `mechanics` may be absent until its first edit.
   */
  function containerAt(
    path: readonly (string | number)[]
  ): Record<string | number, unknown> | null {
    let node = selected.value?.draft as Record<string | number, unknown> | undefined
    if (!node) return null
    for (let k = 0; k < path.length; k++) {
      const next = node[path[k]]
      if (next === null || typeof next !== 'object')
        node[path[k]] = typeof path[k + 1] === 'number' ? [] : {}
      node = node[path[k]] as Record<string | number, unknown>
    }
    return node
  }

  /** Sets a field of the selected draft; `undefined` removes it, so its default applies. */
  function setField(path: readonly (string | number)[], value: unknown): void {
    const owner = containerAt(path.slice(0, -1))
    const key = path[path.length - 1]
    if (!owner || key === undefined) return
    if (value === undefined) delete owner[key]
    else owner[key] = value
  }

  /** Appends an item to a list of the selected draft (a market, a path component...). */
  function addItem(path: readonly (string | number)[], item: unknown): void {
    const owner = containerAt(path.slice(0, -1))
    const key = path[path.length - 1]
    if (!owner || key === undefined) return
    const list = Array.isArray(owner[key]) ? (owner[key] as unknown[]) : (owner[key] = [])
    ;(list as unknown[]).push(item)
  }

  function removeItem(path: readonly (string | number)[], index: number): void {
    const owner = containerAt(path.slice(0, -1))
    const list = owner?.[path[path.length - 1]]
    if (Array.isArray(list)) list.splice(index, 1)
  }

  /** Replaces the selected draft wholesale (the JSON view's edits). */
  function replaceDraft(draft: ScenarioInput): void {
    if (selected.value) selected.value.draft = draft
  }

  async function validate(): Promise<void> {
    const entry = selected.value
    if (!entry) return
    const json = JSON.stringify(entry.draft)
    const mine = ++validation
    try {
      const result = await api.validateScenario({ scenario: JSON.parse(json) })
      if (mine !== validation) return
      problems.value = result.ok ? [] : result.problems
      validatedJson.value = json
      error.value = null
    } catch (cause) {
      if (mine === validation) error.value = userMessage(cause)
    }
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  watch(selectedJson, (json) => {
    if (timer) clearTimeout(timer)
    if (json === null) {
      problems.value = []
      validatedJson.value = null
      return
    }
    timer = setTimeout(() => void validate(), VALIDATE_DELAY_MS)
  })

  /** Everything the scenario screens hold, as versioned JSON a workspace can store. */
  function snapshot(): ScenarioSnapshot {
    return {
      kind: SCENARIO_SNAPSHOT_KIND,
      version: SCENARIO_SNAPSHOT_VERSION,
      scenarios: entries.value.map((entry) => ({
        id: entry.id,
        origin: entry.origin,
        scenario: plainScenario(entry.draft) as Record<string, unknown>
      })),
      selectedId: selectedId.value,
      ...useTimelineStore().snapshotRuns(),
      monteCarlo: useMonteCarloStore().snapshotResult()
    }
  }

  /** Puts a snapshot back; refuses (with why) one that is not a scenario snapshot of this version. */
  function restore(saved: unknown): string | null {
    const parsed = scenarioSnapshotSchema.safeParse(saved)
    if (!parsed.success) {
      const [issue] = parsed.error.issues
      return `not a scenario snapshot: ${fieldName(issue.path)}: ${issue.message}`
    }
    const snapshotted = parsed.data
    entries.value = snapshotted.scenarios.map((entry) => ({
      id: entry.id,
      origin: entry.origin,
      draft: entry.scenario as ScenarioInput
    }))
    nextId =
      1 + Math.max(0, ...entries.value.map((entry) => Number(entry.id.replace(/^s/, '')) || 0))
    selectedId.value = entries.value.some((entry) => entry.id === snapshotted.selectedId)
      ? snapshotted.selectedId
      : (entries.value[0]?.id ?? null)
    useTimelineStore().restoreRuns(snapshotted)
    useMonteCarloStore().restoreResult(snapshotted.monteCarlo)
    return null
  }

  return {
    presets,
    entries,
    selectedId,
    selected,
    problems,
    validating,
    valid,
    error,
    messagesFor,
    loadPresets,
    addFromPreset,
    addBlank,
    duplicate,
    remove,
    openText,
    replaceDraft,
    setField,
    addItem,
    removeItem,
    validate,
    snapshot,
    restore
  }
})
