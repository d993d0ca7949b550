import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { HeatmapBins, HeatmapBreakdownChoice } from '../../../shared/heatmapTypes'
import { api, userMessage } from '../api'

/** Liquidation notional by price bin for one market, re-binned in main whenever the book moves. */
export const useHeatmapStore = defineStore('heatmap', () => {
  const settings = reactive({
    underlying: '',
    binCount: 120,
    span: 0.35,
    breakdown: 'side' as HeatmapBreakdownChoice,
    /** Overlay the band across leverage mixes, where the book is an estimate (main says so). */
    band: false
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
      // The band is named only when wanted: main bins every other request as before.
      const { band, ...plain } = settings
      const next = await api.heatmapBins(band ? { ...plain, band } : plain)
      if (mine !== request) return
      bins.value = next
      error.value = null
    } catch (cause) {
      if (mine === request) error.value = userMessage(cause)
    } finally {
      if (mine === request) loading.value = false
    }
  }

  /** Whether main offers a band for what is shown: an estimated book, on its market. */
  const bandOffered = computed(() => bins.value?.estimate !== undefined)

  function setBand(band: boolean): void {
    settings.band = band
    void refresh()
  }

  function show(underlying: string): void {
    if (settings.underlying === underlying) return
    settings.underlying = underlying
    void refresh()
  }

  return { settings, bins, loading, error, bandOffered, refresh, show, setBand }
})
