import { defineStore } from 'pinia'
import { reactive, ref, shallowRef } from 'vue'
import type { HeatmapBins, HeatmapBreakdownChoice } from '../../../shared/heatmapTypes'
import { api, userMessage } from '../api'

/** Liquidation notional by price bin for one market, re-binned in main whenever the book moves. */
export const useHeatmapStore = defineStore('heatmap', () => {
  const settings = reactive({
    underlying: '',
    binCount: 120,
    span: 0.35,
    breakdown: 'side' as HeatmapBreakdownChoice
  })
  const bins = shallowRef<HeatmapBins | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let request = 0

  /** Only the latest request's answer is shown: an older one may arrive after it. */
  async function refresh(): Promise<void> {
    if (!settings.underlying) return
    const mine = ++request
    loading.value = true
    try {
      const next = await api.heatmapBins({ ...settings })
      if (mine !== request) return
      bins.value = next
      error.value = null
    } catch (cause) {
      if (mine === request) error.value = userMessage(cause)
    } finally {
      if (mine === request) loading.value = false
    }
  }

  function show(underlying: string): void {
    if (settings.underlying === underlying) return
    settings.underlying = underlying
    void refresh()
  }

  return { settings, bins, loading, error, refresh, show }
})
