import { api } from '../api'
import { useAppStore } from './appStore'
import { useBookStore } from './bookStore'
import { useCascadeStore } from './cascadeStore'
import { useHeatmapStore } from './heatmapStore'

/**
 * One listener for main's book changes, so the order of the requests that follow is chosen,
 * not left to which store happened to be created first. Main answers in the order it is asked,
 * and the heatmap is what a user watches after an edit: its bins are asked for first, then the
 * summaries, then the cascade's re-run, the slowest.
 */
export function followBookChanges(): () => void {
  const heatmap = useHeatmapStore()
  const book = useBookStore()
  const app = useAppStore()
  const cascade = useCascadeStore()
  return api.on('book:changed', (change) => {
    void heatmap.refresh()
    book.follow(change)
    void app.refreshWorkspace()
    cascade.follow(change)
  })
}
