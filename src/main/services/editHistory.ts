import type { HistoryState } from '../../shared/bookEdit'

export interface HistoryEntry {
  label: string
  undo(): void
  redo(): void
}

/** Enough for an afternoon of edits; each entry holds at most the rows it changed. */
const MAX_ENTRIES = 500

/** Undo and redo over book changes. A new change drops whatever could have been redone. */
export class EditHistory {
  private done: HistoryEntry[] = []
  private undone: HistoryEntry[] = []

  record(entry: HistoryEntry): void {
    this.done.push(entry)
    if (this.done.length > MAX_ENTRIES) this.done.shift()
    this.undone = []
  }

  undo(): string | null {
    const entry = this.done.pop()
    if (!entry) return null
    entry.undo()
    this.undone.push(entry)
    return entry.label
  }

  redo(): string | null {
    const entry = this.undone.pop()
    if (!entry) return null
    entry.redo()
    this.done.push(entry)
    return entry.label
  }

  clear(): void {
    this.done = []
    this.undone = []
  }

  state(): HistoryState {
    const undo = this.done[this.done.length - 1]
    const redo = this.undone[this.undone.length - 1]
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      undoLabel: undo?.label ?? null,
      redoLabel: redo?.label ?? null
    }
  }
}
