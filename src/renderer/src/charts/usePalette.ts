import { storeToRefs } from 'pinia'
import { nextTick, ref, watch, type Ref } from 'vue'
import { useAppStore } from '../stores/appStore'
import { readPalette, type ChartPalette } from './chartPalette'

/** The chart palette, re-read after each theme switch has reached the document. */
export function usePalette(): Ref<ChartPalette> {
  const { theme } = storeToRefs(useAppStore())
  const palette = ref(readPalette())
  watch(theme, async () => {
    await nextTick()
    palette.value = readPalette()
  })
  return palette
}
