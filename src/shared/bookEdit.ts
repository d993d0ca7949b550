import { z } from 'zod'
import type { BookRow } from './bookRow'
import { STORED_COLUMNS, type StoredColumn } from './bookRow'

/** A cell as the user typed it: main reads it with the importer's rules for that column. */
export const bookEditSchema = z.strictObject({
  id: z.string().min(1).max(200),
  column: z.enum(STORED_COLUMNS),
  value: z.string().max(200)
})

export const bookDeleteSchema = z.strictObject({
  ids: z.array(z.string().min(1).max(200)).min(1).max(10_000)
})

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  /** What undo or redo would do, for menus and tooltips ("edit entry_price of P0000042"). */
  undoLabel: string | null
  redoLabel: string | null
}

export type BookEditResult =
  { ok: true; row: BookRow } | { ok: false; column: StoredColumn; message: string }

export interface BookDeleteResult {
  deleted: number
}

export interface HistoryStep {
  /** What was undone or redone; null when there was nothing to do. */
  applied: string | null
}
