import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { HistoryState } from '../../../shared/bookEdit'
import type { BookRow, StoredColumn } from '../../../shared/bookRow'
import type { BookSummary } from '../../../shared/bookSummary'
import type { BookChange } from '../../../shared/contract'
import { api, userMessage } from '../api'

export interface CellError {
  id: string
  column: StoredColumn
  value: string
  message: string
}

/** The book's version, summary and undo history, kept current by main's change events. */
export const useBookStore = defineStore('book', () => {
  const version = ref(0)
  const positions = ref(0)
  const history = ref<HistoryState>({
    canUndo: false,
    canRedo: false,
    undoLabel: null,
    redoLabel: null
  })
  const summary = shallowRef<BookSummary | null>(null)
  const cellError = ref<CellError | null>(null)
  const error = ref<string | null>(null)
  const lastChange = ref<string | null>(null)

  async function refreshSummary(): Promise<void> {
    try {
      const next = await api.bookSummary()
      summary.value = next
      version.value = Math.max(version.value, next.version)
      positions.value = next.positions
    } catch (cause) {
      error.value = userMessage(cause)
    }
  }

  /** Sends one cell to main; a refusal is kept so the grid can show it beside the cell. */
  async function edit(id: string, column: StoredColumn, value: string): Promise<BookRow | null> {
    const result = await api.bookEdit({ id, column, value })
    if (result.ok) {
      cellError.value = null
      return result.row
    }
    cellError.value = { id, column, value, message: result.message }
    return null
  }

  async function add(): Promise<BookRow> {
    return (await api.bookAdd()).row
  }

  async function remove(ids: string[]): Promise<number> {
    return (await api.bookDelete({ ids })).deleted
  }

  async function undo(): Promise<string | null> {
    return (await api.bookUndo()).applied
  }

  async function redo(): Promise<string | null> {
    return (await api.bookRedo()).applied
  }

  function dismissCellError(): void {
    cellError.value = null
  }

  /** Takes in main's change event: version, history, and the summary asked for again. */
  function follow(change: BookChange): void {
    version.value = change.version
    positions.value = change.positions
    history.value = change.history
    lastChange.value = change.reason
    if (change.reason === 'open' || change.reason === 'import' || change.reason === 'merge')
      cellError.value = null
    void refreshSummary()
  }

  return {
    version,
    positions,
    history,
    summary,
    cellError,
    error,
    lastChange,
    refreshSummary,
    follow,
    edit,
    add,
    remove,
    undo,
    redo,
    dismissCellError
  }
})
