import { z } from 'zod'

export type TaskKind = 'import' | 'sample' | 'scenario' | 'monteCarlo'

/** A long job in main, as the status bar shows it; sent whenever it moves. */
export interface TaskState {
  id: string
  kind: TaskKind
  label: string
  state: 'running' | 'done' | 'cancelled' | 'failed'
  /** 0..1, or null while the amount of work is unknown. */
  progress: number | null
  detail: string
  elapsedMs: number
  message: string | null
}

export const cancelTaskSchema = z.strictObject({ taskId: z.string().min(1).max(64) })

export const openSampleSchema = z.strictObject({
  rows: z.number().int().min(1).max(2_000_000)
})

export type TaskOutcome =
  { status: 'done' } | { status: 'cancelled' } | { status: 'failed'; message: string }
