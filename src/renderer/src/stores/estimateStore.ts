import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { estimateFieldProblems } from '../../../shared/estimateFieldProblems'
import {
  DEFAULT_ASSUMPTIONS,
  LEVERAGE_MIXES,
  type EstimateAssumptions,
  type EstimateFile,
  type EstimateFileRole,
  type EstimatePreview,
  type EstimateStartResult,
  type LeverageShare
} from '../../../shared/estimateTypes'
import { MAX_STAGED_TEXT_BYTES } from '../../../shared/importMapping'
import { api, userMessage } from '../api'

export type MixPreset = keyof typeof LEVERAGE_MIXES

const copyMix = (mix: readonly LeverageShare[]): LeverageShare[] => mix.map((row) => ({ ...row }))

const defaults = (): EstimateAssumptions => ({
  ...DEFAULT_ASSUMPTIONS,
  leverageMix: copyMix(DEFAULT_ASSUMPTIONS.leverageMix),
  sideSplit: { ...DEFAULT_ASSUMPTIONS.sideSplit }
})

const sameMix = (a: readonly LeverageShare[], b: readonly LeverageShare[]): boolean =>
  a.length === b.length &&
  a.every((row, k) => row.leverage === b[k].leverage && Math.abs(row.share - b[k].share) < 1e-9)

/**
 * The "Estimate a book" mode of the import view: two market files staged in main, the
 * assumptions as an editable form, a preview of what the inference does with them (refreshed on
 * every change), and the estimate made the cockpit's book.
 */
export const useEstimateStore = defineStore('estimate', () => {
  const files = reactive<Record<EstimateFileRole, EstimateFile | null>>({
    candles: null,
    openInterest: null
  })
  const assumptions = reactive<EstimateAssumptions>(defaults())
  const preview = shallowRef<EstimatePreview | null>(null)
  const previewing = ref(false)
  const result = shallowRef<EstimateStartResult | null>(null)
  const starting = ref(false)
  /** A call that failed outright (main unreachable, a file too big to send). */
  const error = ref<string | null>(null)
  let previewRequest = 0

  const fieldProblems = computed(() => estimateFieldProblems(assumptions))
  const mixTotal = computed(() => assumptions.leverageMix.reduce((sum, row) => sum + row.share, 0))
  const mixPreset = computed<MixPreset | 'custom'>(() => {
    const names = Object.keys(LEVERAGE_MIXES) as MixPreset[]
    return names.find((name) => sameMix(LEVERAGE_MIXES[name], assumptions.leverageMix)) ?? 'custom'
  })
  const filesReady = computed(
    () =>
      files.candles !== null &&
      files.candles.problem === null &&
      files.openInterest !== null &&
      files.openInterest.problem === null
  )
  const ready = computed(
    () =>
      filesReady.value &&
      Object.keys(fieldProblems.value).length === 0 &&
      preview.value?.status === 'ok'
  )

  function request() {
    return {
      candles: files.candles!.fileId,
      openInterest: files.openInterest!.fileId,
      assumptions: JSON.parse(JSON.stringify(assumptions)) as EstimateAssumptions
    }
  }

  /** Only the latest answer is shown: an older one may arrive after it. */
  async function refreshPreview(): Promise<void> {
    const mine = ++previewRequest
    if (!filesReady.value || Object.keys(fieldProblems.value).length > 0) {
      preview.value = null
      return
    }
    previewing.value = true
    try {
      const next = await api.previewEstimate(request())
      if (mine !== previewRequest) return
      preview.value = next
      error.value = null
    } catch (cause) {
      if (mine === previewRequest) error.value = userMessage(cause)
    } finally {
      if (mine === previewRequest) previewing.value = false
    }
  }

  function staged(file: EstimateFile): void {
    files[file.role] = file
    result.value = null
    // Binance's metrics name their market: the symbol follows the file unless the file has none.
    if (file.role === 'openInterest' && file.symbol) assumptions.symbol = file.symbol
  }

  async function guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work()
      error.value = null
    } catch (cause) {
      error.value = userMessage(cause)
    }
  }

  /** A file from a file input or a drop: browsers hand over contents, so the text goes to main. */
  async function stageBrowserFile(role: EstimateFileRole, file: File): Promise<void> {
    await guarded(async () => {
      if (file.size > MAX_STAGED_TEXT_BYTES)
        throw new Error(
          `${file.name} is more than the ${MAX_STAGED_TEXT_BYTES / 2 ** 20} MiB a dropped file may be: choose it with the app's file dialog, which reads it from disk`
        )
      staged(await api.stageEstimateText({ role, name: file.name, text: await file.text() }))
    })
  }

  async function chooseNative(role: EstimateFileRole): Promise<void> {
    await guarded(async () => {
      const { file } = await api.pickEstimateFile({ role })
      if (file) staged(file)
    })
  }

  function useMix(name: MixPreset): void {
    assumptions.leverageMix = copyMix(LEVERAGE_MIXES[name])
  }

  function addLeverage(): void {
    const highest = Math.max(1, ...assumptions.leverageMix.map((row) => row.leverage))
    assumptions.leverageMix.push({ leverage: Math.min(1000, highest * 2), share: 0 })
  }

  function editLeverage(row: number, change: Partial<LeverageShare>): void {
    Object.assign(assumptions.leverageMix[row], change)
  }

  function removeLeverage(row: number): void {
    assumptions.leverageMix.splice(row, 1)
  }

  function resetAssumptions(): void {
    const symbol = files.openInterest?.symbol ?? DEFAULT_ASSUMPTIONS.symbol
    Object.assign(assumptions, defaults(), { symbol })
  }

  async function start(): Promise<void> {
    if (!ready.value) return
    starting.value = true
    try {
      result.value = await api.startEstimate(request())
      error.value = null
    } catch (cause) {
      error.value = userMessage(cause)
    } finally {
      starting.value = false
    }
  }

  watch([() => files.candles, () => files.openInterest, () => assumptions], refreshPreview, {
    deep: true
  })

  return {
    files,
    assumptions,
    preview,
    previewing,
    result,
    starting,
    error,
    fieldProblems,
    mixTotal,
    mixPreset,
    filesReady,
    ready,
    refreshPreview,
    stageBrowserFile,
    chooseNative,
    useMix,
    addLeverage,
    editLeverage,
    removeLeverage,
    resetAssumptions,
    start
  }
})
